using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Registry.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Registry.Infrastructure.Persistence;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> worker)
    {
        worker.ToTable("workers");
        worker.HasKey(w => w.Id);
        worker.Property(w => w.Id).ValueGeneratedNever();
        worker.Property(w => w.Name).HasMaxLength(WorkerName.MaxLength);
        worker.Property(w => w.NamePinyin).HasMaxLength(200);
        worker.OwnsProtectedValue(w => w.NationalId, "national_id", required: true, unique: true);
        worker.OwnsProtectedValue(w => w.Phone, "phone", required: false, unique: false);
        worker.Property(w => w.HouseholdDivisionCode).HasColumnName("household_division").HasMaxLength(12).IsFixedLength();
        worker.Property(w => w.Gender).HasConversion<string>().HasMaxLength(10);
        worker.Property(w => w.Education).HasConversion<string>().HasMaxLength(30);
        worker.Property(w => w.Status).HasConversion<string>().HasMaxLength(30);
        worker.Property(w => w.ReturnReason).HasConversion<string>().HasMaxLength(30);
        worker.Property(w => w.Residence).HasJsonColumn();
        worker.Property(w => w.Skills).HasJsonColumn();
        worker.Property(w => w.Certificates).HasJsonColumn();
        worker.Property(w => w.PriorWork).HasJsonColumn();
        worker.Property(w => w.JobIntention).HasJsonColumn();
        worker.Property(w => w.Entrepreneurship).HasJsonColumn();
        worker.Property(w => w.Family).HasJsonColumn();
        worker.Ignore(w => w.HouseholdDivision);
        worker.Ignore(w => w.Profile);

        // Also serves every division-subtree range on its own: a separate index on household_division alone would
        // only cost each insert (a bulk import most of all) another index to maintain.
        worker.HasIndex(w => new { w.HouseholdDivisionCode, w.LastConfirmedAt });
        worker.HasIndex(w => w.UpdatedAt);
        worker.HasIndex(w => w.Status);
        worker.HasIndex(w => w.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
        // The search asks for the same sound (equality), which a B-tree answers exactly; a trigram index answered with
        // every name sharing a syllable's letters, each to be read and rechecked (2,219 rows for 532 named zhang wei).
        worker.HasIndex(w => w.NamePinyin);
        worker.HasIndex(w => w.SkillKeys).HasMethod("gin");
    }
}

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> change)
    {
        change.ToTable("status_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Actor).HasMaxLength(100);
        change.Property(c => c.Note).HasMaxLength(500);
        change.Property(c => c.HouseholdDivisionCode).HasColumnName("household_division").HasMaxLength(12).IsFixedLength();
        change.HasIndex(c => new { c.WorkerId, c.ChangedAt });
        change.HasIndex(c => c.RecordedAt);
    }
}
