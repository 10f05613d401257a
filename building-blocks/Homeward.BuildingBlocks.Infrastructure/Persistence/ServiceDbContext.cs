using Homeward.BuildingBlocks.Application;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Infrastructure.Idempotency;
using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Base of every service's DbContext: the service's own schema, the outbox, inbox and idempotency tables in it, and
/// <c>xmin</c> as the row version of every <see cref="IHasRowVersion"/> aggregate. Entity configurations are picked
/// up from the assembly of the derived context.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options, string schema) : DbContext(options), IServiceDbContext
{
    public string Schema { get; } = schema;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new UniqueConstraintViolationException(unique.ConstraintName, exception);
        }
    }

    public void ExpectRowVersion(IHasRowVersion aggregate, uint rowVersion) =>
        Entry(aggregate).Property(nameof(IHasRowVersion.RowVersion)).OriginalValue = rowVersion;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureMessaging(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(IHasRowVersion).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            modelBuilder.Entity(entityType.ClrType).Property(nameof(IHasRowVersion.RowVersion)).IsRowVersion();
        }
    }

    private static void ConfigureMessaging(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Seq).UseIdentityAlwaysColumn();
            outbox.Property(m => m.Type).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.Headers).HasColumnType("jsonb");
            outbox.Property(m => m.NextAttemptAt).HasDefaultValueSql("now()");
            outbox.HasIndex(m => m.Seq).HasFilter("processed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
            outbox.HasIndex(m => m.ProcessedAt).HasFilter("processed_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_processed");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasIndex(m => m.ReceivedAt);
        });

        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("idempotent_requests");
            request.HasKey(r => new { r.Client, r.Key });
            request.Property(r => r.Client).HasMaxLength(200);
            request.Property(r => r.Key).HasMaxLength(100);
            request.HasIndex(r => r.CreatedAt);
        });
    }
}
