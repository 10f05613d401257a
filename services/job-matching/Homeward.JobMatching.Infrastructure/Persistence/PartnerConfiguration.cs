using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Domain.Partners;
using Homeward.JobMatching.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class PartnerCityConfiguration : IEntityTypeConfiguration<PartnerCity>
{
    public void Configure(EntityTypeBuilder<PartnerCity> city)
    {
        city.ToTable("partner_cities");
        city.HasKey(c => c.Id);
        city.Property(c => c.Id).HasMaxLength(50).ValueGeneratedNever();
        city.Property(c => c.Name).HasMaxLength(50);
    }
}

internal sealed class PartnerAgreementConfiguration : IEntityTypeConfiguration<PartnerAgreement>
{
    public void Configure(EntityTypeBuilder<PartnerAgreement> agreement)
    {
        agreement.ToTable("partner_agreements");
        agreement.HasKey(a => a.Id);
        agreement.Property(a => a.Id).ValueGeneratedNever();
        agreement.HasOne<PartnerCity>().WithMany().HasForeignKey(a => a.PartnerCityId).OnDelete(DeleteBehavior.Restrict);
        agreement.Property(a => a.PartnerCityId).HasMaxLength(50);
        agreement.Property(a => a.Title).HasMaxLength(100);
        agreement.Property(a => a.Quotas).HasJsonColumn();
        agreement.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        agreement.Navigation(a => a.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
        agreement.HasIndex(a => a.PartnerCityId);
    }
}

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> contact)
    {
        contact.ToTable("partner_contacts");
        contact.HasKey(c => c.Id);
        contact.Property(c => c.Id).ValueGeneratedNever();
        contact.Property(c => c.Name).HasMaxLength(30);
        contact.Property(c => c.Role).HasMaxLength(50);
        contact.OwnsProtectedValue(c => c.Phone, "phone", required: true, unique: false);
    }
}

internal sealed class PartnerFeedEntryConfiguration : IEntityTypeConfiguration<PartnerFeedEntry>
{
    public void Configure(EntityTypeBuilder<PartnerFeedEntry> entry)
    {
        entry.ToTable("partner_feed");
        entry.HasKey(e => e.VacancyId);
        entry.Property(e => e.VacancyId).ValueGeneratedNever();
        entry.HasOne<Vacancy>().WithOne().HasForeignKey<PartnerFeedEntry>(e => e.VacancyId).OnDelete(DeleteBehavior.Cascade);
        entry.Property(e => e.PartnerCity).HasMaxLength(50);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        // The feed reads a partner's entries after a cursor in sequence order.
        entry.HasIndex(e => new { e.PartnerCity, e.Sequence }).IsUnique();
    }
}
