using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Homeward.BuildingBlocks.Tests.Probe;

/// <summary>A minimal service database: a business table and a table of consumer effects, beside the outbox and inbox.</summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ServiceDbContext(options, Schema)
{
    public new const string Schema = "probe";

    public DbSet<ProbeRecord> Records => Set<ProbeRecord>();

    /// <summary>One row per applied message, deliberately without a unique key: a duplicate effect would show as two rows.</summary>
    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ProbeRecord>().ToTable("records");
        modelBuilder.Entity<ProbeEffect>().ToTable("effects");
    }
}

public sealed class ProbeRecord
{
    public Guid Id { get; init; }

    public required string Label { get; init; }
}

public sealed class ProbeEffect
{
    public long Id { get; init; }

    public Guid WorkerId { get; init; }

    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }
}
