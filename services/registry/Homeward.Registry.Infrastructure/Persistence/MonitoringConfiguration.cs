using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Registry.Infrastructure.Persistence;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> observation)
    {
        observation.ToTable("observations");
        observation.HasKey(o => o.Id);
        observation.Property(o => o.Id).ValueGeneratedNever();
        observation.Property(o => o.Field).HasConversion<string>().HasMaxLength(30);
        observation.Property(o => o.Source).HasConversion<string>().HasMaxLength(30);
        observation.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(30);
        observation.Property(o => o.Value).HasMaxLength(200);
        observation.Property(o => o.RecordedBy).HasMaxLength(100);
        observation.HasIndex(o => new { o.WorkerId, o.ObservedAt });
    }
}

internal sealed class DiscrepancyConfiguration : IEntityTypeConfiguration<Discrepancy>
{
    public void Configure(EntityTypeBuilder<Discrepancy> discrepancy)
    {
        discrepancy.ToTable("discrepancies");
        discrepancy.HasKey(d => d.Id);
        discrepancy.Property(d => d.Id).ValueGeneratedNever();
        discrepancy.Property(d => d.HouseholdDivisionCode).HasColumnName("household_division").HasMaxLength(12).IsFixedLength();
        discrepancy.Property(d => d.Field).HasConversion<string>().HasMaxLength(30);
        discrepancy.Property(d => d.Source).HasConversion<string>().HasMaxLength(30);
        discrepancy.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        discrepancy.Property(d => d.RecordedValue).HasMaxLength(200);
        discrepancy.Property(d => d.ObservedValue).HasMaxLength(200);
        discrepancy.Property(d => d.ResolvedBy).HasMaxLength(100);
        discrepancy.Property(d => d.ResolutionReason).HasMaxLength(500);
        discrepancy.HasIndex(d => new { d.HouseholdDivisionCode, d.OpenedAt }).HasFilter("status = 'Open'");
        discrepancy.HasIndex(d => new { d.WorkerId, d.Field }).HasFilter("status = 'Open'");
    }
}

internal sealed class VerificationConfiguration : IEntityTypeConfiguration<Verification>
{
    public void Configure(EntityTypeBuilder<Verification> verification)
    {
        verification.ToTable("verifications");
        verification.HasKey(v => v.Id);
        verification.Property(v => v.Id).ValueGeneratedNever();
        verification.Property(v => v.HouseholdDivisionCode).HasColumnName("household_division").HasMaxLength(12).IsFixedLength();
        verification.Property(v => v.VerifiedBy).HasMaxLength(100);
        verification.Property(v => v.Source).HasConversion<string>().HasMaxLength(30);
        verification.HasIndex(v => new { v.HouseholdDivisionCode, v.VerifiedAt });
        verification.HasIndex(v => v.WorkerId);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("import_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.FileName).HasMaxLength(255);
        job.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.ContentHash).HasMaxLength(64);
        job.Property(j => j.ScopeDivisionCode).HasColumnName("scope_division").HasMaxLength(12).IsFixedLength();
        job.Property(j => j.RequestedBy).HasMaxLength(100);
        job.Property(j => j.Errors).HasJsonColumn();
        job.HasIndex(j => j.Status).HasFilter("status IN ('Queued', 'Running')");
        job.HasIndex(j => j.CreatedAt);
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> file)
    {
        file.ToTable("import_files");
        file.HasKey(f => f.ImportJobId);
        file.Property(f => f.ImportJobId).ValueGeneratedNever();
        file.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(f => f.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}
