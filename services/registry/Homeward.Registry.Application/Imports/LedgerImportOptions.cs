namespace Homeward.Registry.Application.Imports;

/// <summary>How an import divides its rows into transactions, and its rehearsal at start-up (configuration section <see cref="Section"/>).</summary>
public sealed class LedgerImportOptions
{
    public const string Section = "Registry:Imports";

    /// <summary>Rows per transaction: each chunk commits whole, with the job's progress.</summary>
    public int ChunkSize { get; set; } = 10_000;

    /// <summary>
    /// Chunks written at once, each in a transaction on a connection of its own, so that the database's index
    /// maintenance for one chunk overlaps the validation, encryption and events of the next.
    /// </summary>
    public int ConcurrentChunks { get; set; } = 2;

    /// <summary>
    /// Made-up rows the service imports and rolls back when it starts (<see cref="ImportRehearsal"/>), before it
    /// listens for requests; 0 leaves the first real import to compile the code as it goes.
    /// </summary>
    public int RehearsalRows { get; set; } = 20_000;
}
