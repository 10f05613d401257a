namespace Homeward.Registry.Application.Imports;

/// <summary>How an import divides its rows into transactions (configuration section <see cref="Section"/>).</summary>
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
}
