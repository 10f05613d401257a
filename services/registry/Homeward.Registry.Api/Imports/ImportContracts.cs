using Homeward.Registry.Application.Imports;
using Homeward.Registry.Domain.Imports;

namespace Homeward.Registry.Api.Imports;

/// <param name="ContentHash">SHA-256 of the file, to recognise a file uploaded before.</param>
/// <param name="ScopeDivision">The uploader's division: rows of villages outside it, and records registered outside it, are refused.</param>
/// <param name="TotalRows">Data rows of the file (blank rows not counted); known once the job has started.</param>
/// <param name="Errors">Where the refused rows are listed with row number, column and reason.</param>
public sealed record ImportResponse(
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
    DateTimeOffset? FinishedAt,
    string Errors)
{
    public static ImportResponse From(ImportJobView job) => new(
        job.Id,
        job.FileName,
        job.Format,
        job.ContentHash,
        job.Status,
        job.ScopeDivision,
        job.TotalRows,
        job.ProcessedRows,
        job.Created,
        job.Updated,
        job.Unchanged,
        job.Rejected,
        job.Failure,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        $"{ImportPaths.Of(job.Id)}/errors");
}

/// <param name="Row">Row number as a spreadsheet shows it: the header is row 1.</param>
/// <param name="Field">The column the reason is about.</param>
public sealed record ImportRowErrorResponse(int Row, string Field, string Message)
{
    public static ImportRowErrorResponse From(ImportRowError error) => new(error.Row, error.Field, error.Message);
}
