using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Registry.Application.Imports;
using Homeward.Registry.Domain.Imports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Homeward.Registry.Api.Imports;

public static class ImportEndpoints
{
    /// <summary>The largest ledger accepted: about 400,000 rows of CSV. The gateway's own body cap applies first when uploading through it.</summary>
    public const long MaxUploadBytes = 50 * 1024 * 1024;

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvContentType = "text/csv";

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");

        imports.MapPost("/", UploadAsync)
            .RequireScope(Scopes.RegistryWrite)
            .WithName("UploadImport")
            .WithSummary("Upload a village ledger (CSV or XLSX) for import into your division")
            .WithDescription(
                "multipart/form-data with one file (field name: file), at most 50 MB. CSV is UTF-8 with or without BOM; XLSX is read from its first sheet. "
                + "The header row names the columns: nationalId, name, householdDivision (required), workerId, phone, education, skills "
                + "(welder:intermediate;electrician:junior), certificates (number:kind:tradeCode:level:issuedOn:issuer, ';' between; self-reported), returnedOn, returnReason, status, trainingNeeds, jobTrades, jobWhere, jobMinWage, "
                + "householdSize, dependentChildren, dependentElderly, lowIncome, monitored. Blank cells keep what the record holds. "
                + "Answers 202 with the job; it runs in the background: follow its Location for progress and counts, and /errors for refused rows.")
            .WithIdempotency()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        imports.MapGet("/{importId:guid}", GetAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("GetImport")
            .WithSummary("An import's status, progress (processed of total rows) and counts")
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{importId:guid}/errors", ListErrorsAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("ListImportErrors")
            .WithSummary("The rows an import refused, with row number, column and reason, in row order")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/exports/workers", ExportAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Imports")
            .WithName("ExportWorkers")
            .WithSummary("Workers of your division as a ledger (CSV or XLSX), national ID and phone masked")
            .WithDescription(
                "The columns of an import. National ID and phone numbers are masked: such a file can be edited and imported again, "
                + "the masked cells then stand for the numbers on record (the row is matched by workerId); to change a number, write it in full.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), CsvContentType, XlsxContentType)
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request,
        ISender sender,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxUploadBytes)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            return UnsupportedMediaType("Send the ledger as multipart/form-data with one file.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files is not [var file])
        {
            throw new RequestValidationException("file", "Send exactly one file, in a form field named file.");
        }

        if (FormatOf(file) is not { } format)
        {
            return UnsupportedMediaType("The ledger is a .csv (UTF-8) or an .xlsx file.");
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        var job = await sender.Send(new UploadImport(file.FileName, format, content.ToArray()), cancellationToken);
        return TypedResults.Accepted(ImportPaths.Of(job.Id), ImportResponse.From(job));
    }

    private static async Task<Ok<ImportResponse>> GetAsync(Guid importId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(ImportResponse.From(await sender.Send(new GetImport(importId), cancellationToken)));

    private static async Task<Ok<Page<ImportRowErrorResponse>>> ListErrorsAsync(
        Guid importId,
        ISender sender,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null)
    {
        var page = await sender.Send(new ListImportErrors(importId, PageRequest.Create(limit, cursor)), cancellationToken);
        return TypedResults.Ok(page.Map(ImportRowErrorResponse.From));
    }

    private static async Task ExportAsync(
        HttpContext context,
        ISender sender,
        ILedgerFiles files,
        CancellationToken cancellationToken,
        string? division = null,
        string? format = null)
    {
        var fileFormat = format?.ToLowerInvariant() switch
        {
            null or "csv" => ImportFormat.Csv,
            "xlsx" => ImportFormat.Xlsx,
            _ => throw new RequestValidationException("format", "The format is csv or xlsx."),
        };
        var rows = await sender.Send(new ExportWorkers(division), cancellationToken);
        var extension = fileFormat == ImportFormat.Csv ? "csv" : "xlsx";
        context.Response.ContentType = fileFormat == ImportFormat.Csv ? $"{CsvContentType}; charset=utf-8" : XlsxContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"workers-{division ?? "all"}.{extension}\"";
        context.Response.Headers.CacheControl = "no-store";
        await files.WriteAsync(context.Response.Body, fileFormat, rows, cancellationToken);
    }

    private static ImportFormat? FormatOf(IFormFile file) =>
        Path.GetExtension(file.FileName).ToLowerInvariant() switch
        {
            ".csv" => ImportFormat.Csv,
            ".xlsx" => ImportFormat.Xlsx,
            _ => file.ContentType switch
            {
                CsvContentType => ImportFormat.Csv,
                XlsxContentType => ImportFormat.Xlsx,
                _ => null,
            },
        };

    private static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The file type is not supported.");
}
