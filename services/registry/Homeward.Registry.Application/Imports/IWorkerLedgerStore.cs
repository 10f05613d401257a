using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// Writes the outcome of a chunk of ledger rows in bulk: one transaction per chunk that locks the records the rows
/// refer to, stores new and changed workers, their status changes and events, and the job's progress, or nothing.
/// Several chunks of one job may be applied at once, each on a connection of its own.
/// </summary>
public interface IWorkerLedgerStore
{
    /// <summary>The national ID lookup hash of each of these records that exists (a record's number never changes).</summary>
    Task<IReadOnlyDictionary<Guid, byte[]>> NationalIdHashesAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the workers with these national ID lookup hashes or ids, asks <paramref name="decide"/> what to do with the
    /// rows given those records, and writes the outcome with the job's progress. <paramref name="decide"/> may run more
    /// than once when another writer registered one of the people meanwhile; it must only compute. Concurrent calls
    /// for one job must name different people; their progress adds up on <paramref name="job"/>. With
    /// <see cref="ChunkEnd.RollBack"/> every step runs, new rows go to temporary copies of their tables, and the
    /// transaction is then undone.
    /// </summary>
    Task ApplyChunkAsync(
        ImportJob job,
        IReadOnlyCollection<byte[]> nationalIdHashes,
        IReadOnlyCollection<Guid> workerIds,
        Func<IReadOnlyList<Worker>, LedgerChunkOutcome> decide,
        ChunkEnd end,
        CancellationToken cancellationToken);
}

/// <summary>How the transaction of a chunk ends: committed for an import, rolled back for a rehearsal.</summary>
public enum ChunkEnd
{
    Commit,
    RollBack,
}

/// <summary>What a chunk of rows does to the registry.</summary>
public sealed class LedgerChunkOutcome
{
    public int Processed { get; init; }

    public List<Worker> Registered { get; } = [];

    public List<Worker> Changed { get; } = [];

    public List<StatusChange> StatusChanges { get; } = [];

    public RecordedEvents Events { get; } = new();

    public int Unchanged { get; set; }

    public List<ImportRowError> Errors { get; } = [];
}

/// <summary>Events of a bulk change, kept in order to be written to the outbox by the same transaction.</summary>
public sealed class RecordedEvents : IOutbox
{
    private readonly List<IIntegrationEvent> _events = [];

    public IReadOnlyList<IIntegrationEvent> All => _events;

    public void Enqueue<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent => _events.Add(integrationEvent);

    public void AddRange(RecordedEvents other) => _events.AddRange(other._events);
}

/// <summary>Claims queued imports so that of several instances of the service exactly one runs each.</summary>
public interface IImportJobQueue
{
    /// <summary>Tells every instance that a job was queued, once the caller's transaction commits.</summary>
    Task AnnounceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Locks the oldest queued job no other instance holds, lets <paramref name="start"/> start it and commits; null
    /// when there is none.
    /// </summary>
    Task<ImportJob?> ClaimNextAsync(Func<ImportJob, Task> start, CancellationToken cancellationToken);
}
