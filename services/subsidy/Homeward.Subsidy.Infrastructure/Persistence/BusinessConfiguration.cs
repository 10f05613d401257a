using Homeward.Subsidy.Domain.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Subsidy.Infrastructure.Persistence;

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> business)
    {
        business.ToTable("businesses");
        business.HasKey(b => b.Id);
        business.Property(b => b.Id).ValueGeneratedNever();
        business.Property(b => b.Name).HasMaxLength(Business.NameMaxLength);
        business.Property(b => b.CreditCode).HasMaxLength(18).IsFixedLength();
        business.HasIndex(b => b.CreditCode).IsUnique();
        business.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        business.Property(b => b.Sector).HasMaxLength(1);
        business.Property(b => b.Division).HasMaxLength(12).IsFixedLength();
        business.HasIndex(b => b.FounderWorkerId);
        business.HasIndex(b => b.Division);
    }
}
