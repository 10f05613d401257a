using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Domain.Employers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> employer)
    {
        employer.ToTable("employers");
        employer.HasKey(e => e.Id);
        employer.Property(e => e.Id).ValueGeneratedNever();
        employer.Property(e => e.Name).HasMaxLength(100);
        employer.Property(e => e.CreditCode).HasMaxLength(18).IsFixedLength();
        employer.Property(e => e.Locality).HasConversion<string>().HasMaxLength(20);
        employer.Property(e => e.Division).HasMaxLength(12).IsFixedLength();
        employer.Property(e => e.PartnerCity).HasMaxLength(50);
        employer.Property(e => e.Industry).HasMaxLength(1);
        employer.Property(e => e.Size).HasConversion<string>().HasMaxLength(20);
        employer.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Cascade);
        employer.Navigation(e => e.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
        employer.Ignore(e => e.IsLocal);
        employer.HasIndex(e => e.CreditCode).IsUnique();
        employer.HasIndex(e => e.Division);
    }
}

internal sealed class EmployerContactConfiguration : IEntityTypeConfiguration<EmployerContact>
{
    public void Configure(EntityTypeBuilder<EmployerContact> contact)
    {
        contact.ToTable("employer_contacts");
        contact.HasKey(c => c.Id);
        contact.Property(c => c.Id).ValueGeneratedNever();
        contact.Property(c => c.Name).HasMaxLength(30);
        contact.Property(c => c.Role).HasMaxLength(50);
        contact.OwnsProtectedValue(c => c.Phone, "phone", required: true, unique: false);
    }
}
