using Homeward.JobMatching.Domain.FollowUp;
using Homeward.JobMatching.Domain.Placements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> task)
    {
        task.ToTable("follow_up_tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.Id).ValueGeneratedNever();
        task.HasOne<Placement>().WithMany().HasForeignKey(t => t.PlacementId).OnDelete(DeleteBehavior.Restrict);
        task.Property(t => t.WorkerDivision).HasMaxLength(12).IsFixedLength();
        task.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(20);
        task.Property(t => t.MonthlyWage).HasPrecision(12, 2);
        task.Property(t => t.LeftReason).HasConversion<string>().HasMaxLength(30);
        task.Property(t => t.Note).HasMaxLength(500);
        task.Property(t => t.CompletedBy).HasMaxLength(100);
        task.Ignore(t => t.IsOpen);
        task.HasIndex(t => new { t.PlacementId, t.MonthsAfterStart }).IsUnique();
        task.HasIndex(t => new { t.WorkerDivision, t.DueOn });
    }
}

internal sealed class RightsCaseConfiguration : IEntityTypeConfiguration<RightsCase>
{
    public void Configure(EntityTypeBuilder<RightsCase> rightsCase)
    {
        rightsCase.ToTable("rights_cases");
        rightsCase.HasKey(c => c.Id);
        rightsCase.Property(c => c.Id).ValueGeneratedNever();
        rightsCase.HasOne<Placement>().WithMany().HasForeignKey(c => c.PlacementId).OnDelete(DeleteBehavior.Restrict);
        rightsCase.Property(c => c.WorkerDivision).HasMaxLength(12).IsFixedLength();
        rightsCase.Property(c => c.PartnerCity).HasMaxLength(50);
        rightsCase.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        rightsCase.Property(c => c.Severity).HasConversion<string>().HasMaxLength(20);
        rightsCase.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        rightsCase.Property(c => c.Description).HasMaxLength(2000);
        rightsCase.Property(c => c.Owner).HasMaxLength(100);
        rightsCase.Property(c => c.Resolution).HasMaxLength(2000);
        rightsCase.Ignore(c => c.IsOpen);
        rightsCase.HasIndex(c => c.WorkerDivision);
        rightsCase.HasIndex(c => c.Deadline).HasFilter("resolved_at IS NULL").HasDatabaseName("ix_rights_cases_open_deadline");
        rightsCase.HasIndex(c => c.PartnerCity).HasFilter("partner_city IS NOT NULL");
    }
}
