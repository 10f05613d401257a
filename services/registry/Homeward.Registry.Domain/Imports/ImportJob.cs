using Homeward.SharedKernel;

namespace Homeward.Registry.Domain.Imports;

public enum ImportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
}

public enum ImportFormat
{
    Csv = 0,
    Xlsx = 1,
}

/// <summary>A row of an import that was not taken, and why.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>
/// A village ledger uploaded for import: validated row by row, upserted by national ID in the background, with
/// progress and a report of every row that failed. Importing the same content again changes nothing.
/// </summary>
public sealed class ImportJob : IHasRowVersion
{
    public const int MaxReportedErrors = 10_000;

    private ImportJob()
    {
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public ImportFormat Format { get; private set; }

    /// <summary>SHA-256 of the file, shown so that a repeated upload can be recognised.</summary>
    public string ContentHash { get; private set; } = string.Empty;

    public ImportStatus Status { get; private set; }

    /// <summary>The division the uploader may write to; rows outside it are rejected.</summary>
    public string ScopeDivisionCode { get; private set; } = string.Empty;

    public string RequestedBy { get; private set; } = string.Empty;

    public int TotalRows { get; private set; }

    public int ProcessedRows { get; private set; }

    public int Created { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int Rejected { get; private set; }

    public IReadOnlyList<ImportRowError> Errors { get; private set; } = [];

    public string? Failure { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static ImportJob Queue(Guid id, string fileName, ImportFormat format, string contentHash, string scopeDivisionCode, string requestedBy, DateTimeOffset now) =>
        new()
        {
            Id = id,
            FileName = fileName,
            Format = format,
            ContentHash = contentHash,
            ScopeDivisionCode = scopeDivisionCode,
            RequestedBy = requestedBy,
            Status = ImportStatus.Queued,
            CreatedAt = now,
        };

    public void Start(int totalRows, DateTimeOffset now)
    {
        if (Status != ImportStatus.Queued)
        {
            throw new DomainException("import-not-queued", "Only a queued import can start.");
        }

        Status = ImportStatus.Running;
        TotalRows = totalRows;
        StartedAt = now;
    }

    public void Progress(int processed, int created, int updated, int unchanged, IReadOnlyList<ImportRowError> rejected)
    {
        ProcessedRows += processed;
        Created += created;
        Updated += updated;
        Unchanged += unchanged;
        Rejected += rejected.Select(e => e.Row).Distinct().Count();
        if (rejected.Count > 0)
        {
            // Chunks may commit out of file order: the report stays in row order and keeps the first rows' errors.
            Errors = [.. Errors.Concat(rejected).OrderBy(e => e.Row).Take(MaxReportedErrors)];
        }
    }

    public void Complete(DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        FinishedAt = now;
    }

    public void Fail(string failure, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        Failure = failure;
        FinishedAt = now;
    }
}

/// <summary>The uploaded file of an import, kept until the import has run so that any instance of the service can run it.</summary>
public sealed class ImportFile
{
    private ImportFile()
    {
    }

    public Guid ImportJobId { get; private set; }

    public byte[] Content { get; private set; } = [];

    public static ImportFile Of(Guid importJobId, byte[] content) => new() { ImportJobId = importJobId, Content = content };
}
