using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> vacancy)
    {
        vacancy.ToTable("vacancies", table => table.HasCheckConstraint("ck_vacancies_filled_within_headcount", "filled >= 0 AND filled <= headcount"));
        vacancy.HasKey(v => v.Id);
        vacancy.Property(v => v.Id).ValueGeneratedNever();
        vacancy.HasOne<Employer>().WithMany().HasForeignKey(v => v.EmployerId).OnDelete(DeleteBehavior.Restrict);
        vacancy.Property(v => v.Title).HasMaxLength(100);
        vacancy.Property(v => v.TradeCode).HasMaxLength(50);
        vacancy.Property(v => v.RequiredLevel).HasConversion<string>().HasMaxLength(20);
        vacancy.Property(v => v.RequiredCertificates).HasJsonColumn();
        vacancy.Property(v => v.MinimumEducation).HasConversion<string>().HasMaxLength(30);
        vacancy.Property(v => v.WageMin).HasPrecision(12, 2);
        vacancy.Property(v => v.WageMax).HasPrecision(12, 2);
        vacancy.Property(v => v.Division).HasMaxLength(12).IsFixedLength();
        vacancy.Property(v => v.PartnerCity).HasMaxLength(50);
        vacancy.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        vacancy.Ignore(v => v.Remaining);
        vacancy.Ignore(v => v.IsCrossRegion);
        vacancy.Property(v => v.ExternalId).HasMaxLength(100);
        vacancy.Property(v => v.Sector).HasMaxLength(1);
        vacancy.HasIndex(v => new { v.PartnerCity, v.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL").HasDatabaseName("ix_vacancies_partner_external_id");
        vacancy.HasIndex(v => v.Division);
        vacancy.HasIndex(v => v.EmployerId);
        // What matching and expiry read: open vacancies by trade and by date. Matching ranks a worker's vacancies from
        // the included columns alone (an index-only scan), never from the table's rows; the numbers and keys kept for
        // ranking keep the index narrow and its rows cheap to reckon.
        vacancy.HasIndex(v => new { v.TradeCode, v.ValidThrough }).HasFilter("status = 'Open'").HasDatabaseName("ix_vacancies_open_trade")
            .IncludeProperties(v => new
            {
                v.Id,
                v.RequiredLevelNumber,
                v.RequiredCertificateKeys,
                v.MinimumEducationNumber,
                v.Division,
                v.PartnerCity,
                v.WageMaxYuan,
                v.Filled,
                v.Headcount,
            });
        vacancy.HasIndex(v => v.ValidThrough).HasFilter("status = 'Open'").HasDatabaseName("ix_vacancies_open_valid_through");
    }
}
