using System.Diagnostics;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.Registry.Application.Imports;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Workers;
using Homeward.Registry.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// Writes a chunk of an import set-based: new workers, status changes and outbox rows by binary COPY, changed workers
/// by COPY into a temporary table and one UPDATE … FROM, the job's progress by one UPDATE, all in one transaction that
/// first locks the records the rows refer to. Each chunk runs on a DbContext (and connection) of its own, so several
/// chunks of a job can be written at once; their progress is added up and committed one chunk at a time. A unique
/// violation means another writer registered one of the people since the lock was taken; the chunk is then decided
/// again against the records as they are now.
/// </summary>
internal sealed class WorkerLedgerStore(RegistryDbContext db, IServiceScopeFactory scopes, OutboxWakeUp outboxWakeUp)
    : IWorkerLedgerStore, IDisposable
{
    private const int Attempts = 3;
    private const string ChangedWorkers = "import_changed_workers";
    private const string OutboxTable = "registry.outbox_messages";

    /// <summary>Held from adding a chunk's progress to the job until the chunk commits, so the job row only grows.</summary>
    private readonly SemaphoreSlim _progress = new(1, 1);

    public async Task<IReadOnlyDictionary<Guid, byte[]>> NationalIdHashesAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken cancellationToken) =>
        await db.Workers
            .Where(w => workerIds.Contains(w.Id))
            .Select(w => new { w.Id, w.NationalId.LookupHash })
            .ToDictionaryAsync(w => w.Id, w => w.LookupHash, cancellationToken);

    public async Task ApplyChunkAsync(
        ImportJob job,
        IReadOnlyCollection<byte[]> nationalIdHashes,
        IReadOnlyCollection<Guid> workerIds,
        Func<IReadOnlyList<Worker>, LedgerChunkOutcome> decide,
        ChunkEnd end,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var chunkDb = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var workers = new EntityCopy<Worker>(chunkDb.Model);
        var statusChanges = new EntityCopy<StatusChange>(chunkDb.Model);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await chunkDb.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)chunkDb.Database.GetDbConnection();
            // A chunk reads and writes at most a chunk's worth of records, each found by a unique key. For a list of
            // 10,000 keys the planner expects 10,000 rows and would rather scan the whole city (about a second per
            // chunk, measured) than probe the index 10,000 times (tens of milliseconds). New names go to the trigram
            // indexes' pending lists and are merged once per chunk rather than every few hundred rows.
            await ExecuteAsync(connection, "SET LOCAL enable_seqscan = off; SET LOCAL gin_pending_list_limit = '64MB'", cancellationToken);
            var added = end == ChunkEnd.Commit
                ? new AddedRowTables(workers.Table, statusChanges.Table, OutboxTable)
                : await ScratchTablesAsync(connection, workers.Table, statusChanges.Table, cancellationToken);
            var outcome = decide(await LockAsync(chunkDb, nationalIdHashes, workerIds, cancellationToken));
            try
            {
                await workers.WriteAsync(connection, added.Workers, outcome.Registered, cancellationToken);
                await UpdateAsync(connection, workers, outcome.Changed, cancellationToken);
                await statusChanges.WriteAsync(connection, added.StatusChanges, outcome.StatusChanges, cancellationToken);
                await WriteOutboxAsync(connection, added.Outbox, outcome.Events, cancellationToken);
            }
            catch (PostgresException raced) when (raced.SqlState == PostgresErrorCodes.UniqueViolation && attempt < Attempts)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await _progress.WaitAsync(cancellationToken);
            try
            {
                job.Progress(outcome.Processed, outcome.Registered.Count, outcome.Changed.Count, outcome.Unchanged, outcome.Errors);
                await chunkDb.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                    set => set
                        .SetProperty(j => j.ProcessedRows, job.ProcessedRows)
                        .SetProperty(j => j.Created, job.Created)
                        .SetProperty(j => j.Updated, job.Updated)
                        .SetProperty(j => j.Unchanged, job.Unchanged)
                        .SetProperty(j => j.Rejected, job.Rejected)
                        .SetProperty(j => j.Errors, job.Errors),
                    cancellationToken);
                if (end == ChunkEnd.RollBack)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return;
                }

                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                _progress.Release();
            }

            if (outcome.Events.All.Count > 0)
            {
                // The outbox trigger notified every dispatcher at commit; this wakes ours without the round trip.
                outboxWakeUp.Signal();
            }

            return;
        }
    }

    public void Dispose() => _progress.Dispose();

    /// <summary>The records the rows name, locked until the chunk commits; each key is looked up through its own index.</summary>
    private static async Task<List<Worker>> LockAsync(
        RegistryDbContext db,
        IReadOnlyCollection<byte[]> nationalIdHashes,
        IReadOnlyCollection<Guid> workerIds,
        CancellationToken cancellationToken)
    {
        var locked = await db.Workers
            .FromSql($"SELECT *, xmin FROM registry.workers WHERE national_id_lookup_hash = ANY({nationalIdHashes.ToArray()}) FOR UPDATE")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (workerIds.Count > 0)
        {
            var found = locked.Select(w => w.Id).ToHashSet();
            locked.AddRange((await db.Workers
                    .FromSql($"SELECT *, xmin FROM registry.workers WHERE id = ANY({workerIds.ToArray()}) FOR UPDATE")
                    .AsNoTracking()
                    .ToListAsync(cancellationToken))
                .Where(w => !found.Contains(w.Id)));
        }

        return locked;
    }

    private static async Task UpdateAsync(NpgsqlConnection connection, EntityCopy<Worker> workers, IReadOnlyCollection<Worker> changed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE {ChangedWorkers} (LIKE {workers.Table}) ON COMMIT DROP", cancellationToken);
        await workers.WriteAsync(connection, ChangedWorkers, changed, cancellationToken);
        var assignments = string.Join(", ", workers.ColumnNames.Where(c => c != "id").Select(c => $"\"{c}\" = changed.\"{c}\""));
        await ExecuteAsync(connection, $"UPDATE {workers.Table} AS w SET {assignments} FROM {ChangedWorkers} AS changed WHERE w.id = changed.id", cancellationToken);
    }

    /// <summary>
    /// Empty temporary copies of the tables a chunk adds rows to, dropped with the transaction. A rehearsed chunk writes
    /// its new rows there, so that even rolled back they never reach the registry's indexes: a GIN index keeps the
    /// entries of rolled-back rows in its pending list, which every name search then reads until a vacuum.
    /// </summary>
    private static async Task<AddedRowTables> ScratchTablesAsync(
        NpgsqlConnection connection,
        string workersTable,
        string statusChangesTable,
        CancellationToken cancellationToken)
    {
        var scratch = new AddedRowTables("rehearsed_workers", "rehearsed_status_changes", "rehearsed_outbox_messages");
        await ExecuteAsync(
            connection,
            $"""
            CREATE TEMPORARY TABLE {scratch.Workers} ON COMMIT DROP AS SELECT * FROM {workersTable} WITH NO DATA;
            CREATE TEMPORARY TABLE {scratch.StatusChanges} ON COMMIT DROP AS SELECT * FROM {statusChangesTable} WITH NO DATA;
            CREATE TEMPORARY TABLE {scratch.Outbox} ON COMMIT DROP AS SELECT * FROM {OutboxTable} WITH NO DATA
            """,
            cancellationToken);
        return scratch;
    }

    private static async Task WriteOutboxAsync(NpgsqlConnection connection, string table, RecordedEvents events, CancellationToken cancellationToken)
    {
        if (events.All.Count == 0)
        {
            return;
        }

        var activity = Activity.Current;
        var headers = JsonSerializer.Serialize(new OutboxHeaders(activity?.Id, activity?.TraceStateString, CorrelationContext.Current), IntegrationEventTypes.SerializerOptions);
        var rows = events.All
            .AsParallel()
            .AsOrdered()
            .Select(e => (e.EventId, e.OccurredAt, Type: IntegrationEventTypes.UrnFor(e.GetType()), Payload: JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), IntegrationEventTypes.SerializerOptions)))
            .ToList();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (id, type, payload, headers, occurred_at, attempts) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.EventId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row.Type, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(row.Payload, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(headers, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(row.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Where a chunk's new workers, status changes and events go.</summary>
    private sealed record AddedRowTables(string Workers, string StatusChanges, string Outbox);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
