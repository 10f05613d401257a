using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Placements;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.JobMatching.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> recommendation)
    {
        recommendation.ToTable("recommendations");
        recommendation.HasKey(r => r.Id);
        recommendation.Property(r => r.Id).ValueGeneratedNever();
        recommendation.HasOne<Vacancy>().WithMany().HasForeignKey(r => r.VacancyId).OnDelete(DeleteBehavior.Restrict);
        recommendation.Property(r => r.WorkerDivision).HasMaxLength(12).IsFixedLength();
        recommendation.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        recommendation.Property(r => r.RecommendedBy).HasMaxLength(100);
        recommendation.Property(r => r.Note).HasMaxLength(500);
        recommendation.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        recommendation.Property(r => r.Outcomes).HasJsonColumn();
        // One open recommendation per worker and vacancy: the database settles two requests that race.
        recommendation.HasIndex(r => new { r.WorkerId, r.VacancyId }).IsUnique().HasFilter("is_open").HasDatabaseName("ux_recommendations_open_pair");
        recommendation.HasIndex(r => r.VacancyId);
        recommendation.HasIndex(r => new { r.WorkerDivision, r.RecommendedAt });
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> placement)
    {
        placement.ToTable("placements");
        placement.HasKey(p => p.Id);
        placement.Property(p => p.Id).ValueGeneratedNever();
        placement.HasOne<Employer>().WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        placement.HasOne<Vacancy>().WithMany().HasForeignKey(p => p.VacancyId).OnDelete(DeleteBehavior.Restrict);
        placement.HasOne<Recommendation>().WithMany().HasForeignKey(p => p.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        placement.Property(p => p.WorkerDivision).HasMaxLength(12).IsFixedLength();
        placement.Property(p => p.WorkplaceDivision).HasMaxLength(12).IsFixedLength();
        placement.Property(p => p.PartnerCity).HasMaxLength(50);
        placement.Property(p => p.TradeCode).HasMaxLength(50);
        placement.Property(p => p.MonthlyWage).HasPrecision(12, 2);
        placement.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(30);
        placement.Property(p => p.EndNote).HasMaxLength(500);
        placement.Property(p => p.RecordedBy).HasMaxLength(100);
        placement.Ignore(p => p.IsActive);
        placement.HasIndex(p => p.WorkerId);
        placement.HasIndex(p => p.VacancyId);
        placement.HasIndex(p => new { p.WorkerDivision, p.StartDate });
        placement.HasIndex(p => p.PartnerCity).HasFilter("partner_city IS NOT NULL");
        placement.HasIndex(p => p.NextFollowUpOn).HasFilter("next_follow_up_on IS NOT NULL");
    }
}

internal sealed class PlacementReportConfiguration : IEntityTypeConfiguration<PlacementReport>
{
    public void Configure(EntityTypeBuilder<PlacementReport> report)
    {
        report.ToTable("placement_reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.HasOne<Placement>().WithMany().HasForeignKey(r => r.PlacementId).OnDelete(DeleteBehavior.Restrict);
        report.Property(r => r.PartnerCity).HasMaxLength(50);
        report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.MonthlyWage).HasPrecision(12, 2);
        report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        report.Property(r => r.Note).HasMaxLength(500);
        report.Property(r => r.ReportedBy).HasMaxLength(100);
        report.HasIndex(r => r.PlacementId);
    }
}
