using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Budgets;
using Homeward.Subsidy.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Subsidy.Infrastructure.Persistence;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<SubsidyApplication>
{
    public void Configure(EntityTypeBuilder<SubsidyApplication> application)
    {
        application.ToTable("applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Id).ValueGeneratedNever();
        application.Property(a => a.Division).HasMaxLength(12).IsFixedLength();
        application.Property(a => a.CaseWorkerId).HasMaxLength(200);
        application.Property(a => a.PreReviewerId).HasMaxLength(200);
        application.Property(a => a.ApproverId).HasMaxLength(200);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        application.Property(a => a.Amount).HasPrecision(14, 2);
        application.Property(a => a.Documents).HasJsonColumn();
        application.Property(a => a.RejectionReasons).HasJsonColumn();
        application.Property(a => a.StageOwnerDivision).HasMaxLength(12).IsFixedLength();
        application.Ignore(a => a.TimeToDecision);
        application.Ignore(a => a.IsInReview);
        application.HasOne<Policy>().WithMany().HasForeignKey(a => a.PolicyId);
        application.HasMany(a => a.Timeline).WithOne().HasForeignKey(e => e.ApplicationId);
        application.Navigation(a => a.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One open or granted application per worker and policy; a rejected one does not stand in the way of a new one.
        application.HasIndex(a => new { a.WorkerId, a.PolicyId }).IsUnique().HasFilter("status <> 'Rejected'");
        application.HasIndex(a => a.Division);
        application.HasIndex(a => a.StageDueAt).HasFilter("status IN ('PendingPreReview', 'PendingApproval')").HasDatabaseName("ix_applications_in_review_due");
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> timelineEvent)
    {
        timelineEvent.ToTable("application_events");
        timelineEvent.HasKey(e => e.Id);
        timelineEvent.Property(e => e.Id).ValueGeneratedNever();
        timelineEvent.Property(e => e.Actor).HasMaxLength(200);
        timelineEvent.Property(e => e.Action).HasMaxLength(40);
        timelineEvent.Property(e => e.From).HasConversion<string>().HasMaxLength(30);
        timelineEvent.Property(e => e.To).HasConversion<string>().HasMaxLength(30);
        timelineEvent.Property(e => e.Note).HasMaxLength(1000);
    }
}

internal sealed class ApplicationUploadConfiguration : IEntityTypeConfiguration<ApplicationUpload>
{
    public void Configure(EntityTypeBuilder<ApplicationUpload> upload)
    {
        upload.ToTable("application_uploads");
        upload.HasKey(u => u.Id);
        upload.Property(u => u.Id).ValueGeneratedNever();
        upload.Property(u => u.DocumentCode).HasMaxLength(40);
        upload.Property(u => u.ContentType).HasMaxLength(100);
        upload.Property(u => u.UploadedBy).HasMaxLength(200);
        upload.HasOne<SubsidyApplication>().WithMany().HasForeignKey(u => u.ApplicationId);
    }
}

internal sealed class PolicyBudgetConfiguration : IEntityTypeConfiguration<PolicyBudget>
{
    public void Configure(EntityTypeBuilder<PolicyBudget> budget)
    {
        budget.ToTable("policy_budgets", table => table.HasCheckConstraint("ck_policy_budgets_reserved_not_negative", "reserved >= 0"));
        budget.HasKey(b => new { b.PolicyId, b.Year });
        budget.Property(b => b.Amount).HasPrecision(16, 2);
        budget.Property(b => b.Reserved).HasPrecision(16, 2);
        budget.HasOne<Policy>().WithMany().HasForeignKey(b => b.PolicyId);
    }
}
