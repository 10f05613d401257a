using Homeward.Registry.Domain.Imports;

namespace Homeward.Registry.Application.Imports;

/// <summary>An import as use cases return it: where it stands and what it did, without its rows.</summary>
public sealed record ImportJobView(
    Guid Id,
    string FileName,
    ImportFormat Format,
    string ContentHash,
    ImportStatus Status,
    string ScopeDivision,
    int TotalRows,
    int ProcessedRows,
    int Created,
    int Updated,
    int Unchanged,
    int Rejected,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static ImportJobView From(ImportJob job) => new(
        job.Id,
        job.FileName,
        job.Format,
        job.ContentHash,
        job.Status,
        job.ScopeDivisionCode,
        job.TotalRows,
        job.ProcessedRows,
        job.Created,
        job.Updated,
        job.Unchanged,
        job.Rejected,
        job.Failure,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt);
}

public static class ImportPaths
{
    public static string Of(Guid importId) => $"/api/registry/v1/imports/{importId}";
}
