using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.FollowUp;
using Homeward.JobMatching.Application.Partners;
using Homeward.JobMatching.Application.Vacancies;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Partners;

/// <summary>
/// The partner sync API: partner cities' clients (scope partner.sync, a partner_id claim) and nobody else. A partner
/// sees and changes only its own city's data; anything else answers 404 as if it did not exist.
/// </summary>
public static class PartnerSyncEndpoints
{
    public static RouteGroupBuilder MapPartnerSyncEndpoints(this RouteGroupBuilder api)
    {
        var partner = api.MapGroup("/partner").WithTags("Partner sync");

        partner.MapPut("/vacancies/{externalId}", UpsertAsync)
            .RequirePartner()
            .WithName("UpsertPartnerVacancy")
            .WithSummary("Create or replace one of your vacancies under your own id")
            .WithDescription(
                "201 when created, 200 when replaced or unchanged, with the ETag. Sending the same vacancy again changes nothing (200). "
                + "Replacing an existing vacancy needs If-Match with its ETag (428 without, 412 when stale). The enterprise, given by credit code, "
                + "is one of your city's on record (422 enterprise-unknown otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        partner.MapGet("/vacancies/{externalId}", GetAsync)
            .RequirePartner()
            .WithName("GetPartnerVacancy")
            .WithSummary("Read one of your vacancies by your id, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);

        partner.MapDelete("/vacancies/{externalId}", WithdrawAsync)
            .RequirePartner()
            .WithName("WithdrawPartnerVacancy")
            .WithSummary("Withdraw one of your vacancies: it closes here and the feed shows a tombstone (204, also when already withdrawn)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        partner.MapPost("/vacancies/batch", SyncAsync)
            .RequirePartner()
            .WithName("SyncPartnerVacancies")
            .WithSummary($"Create or replace up to {SyncPartnerVacancies.MaxItems} of your vacancies, with a result per item")
            .WithDescription(
                "Each item is created, updated, unchanged or rejected (with a code and, for invalid fields, the errors) on its own. "
                + "An item's version, when given, guards against overwriting a change made since. Replaying a batch changes nothing.")
            .ProducesValidationProblem();

        partner.MapGet("/feed", FeedAsync)
            .RequirePartner()
            .WithName("ReadPartnerFeed")
            .WithSummary("Your vacancies in change order after a cursor: the snapshot from the start, then every change, withdrawals as tombstones")
            .WithDescription(
                "Without after (or after=0) the feed starts from the beginning: every vacancy once, at its latest change — the current state. "
                + "Pass the page's cursor as after to read on; resuming from the last cursor after any interruption skips nothing and repeats nothing. "
                + $"?sector= (repeatable) keeps vacancies of enterprises in those GB/T 4754 sections; ?limit= up to {ReadPartnerFeed.MaxLimit}.")
            .ProducesValidationProblem();

        partner.MapGet("/workers", WorkersAsync)
            .RequirePartner()
            .WithName("ListPartnerWorkers")
            .WithSummary("Our workers you may recruit: seeking work and open to work in a partner city; only non-personal profile fields")
            .WithDescription(
                "No name, ID or phone number, birth date, gender, village or residence ever appears; the worker id is what reports refer to. "
                + "?tradeCode= keeps workers skilled in or wanting the trade; cursor paging with ?limit= and ?cursor=.")
            .ProducesValidationProblem();

        partner.MapGet("/placements", PlacementsAsync)
            .RequirePartner()
            .WithName("ListPartnerPlacements")
            .WithSummary("Our workers placed with your enterprises, by worker id only; cursor paging")
            .ProducesValidationProblem();

        partner.MapPost("/placements/{placementId:guid}/reports", ReportAsync)
            .RequirePartner()
            .WithName("ReportOnPlacement")
            .WithSummary("Report on a placement with one of your enterprises: confirmed, departed (with reason) or wageChanged (with the new wage)")
            .WithDescription(
                "A departure ends the placement here (PlacementEnded); every report is recorded in the worker's record as an observation. "
                + "A placement confirmed twice answers 409, one already ended 422 placement-already-ended. Send Idempotency-Key to retry safely.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        partner.MapGet("/rights-cases", RightsCasesAsync)
            .RequirePartner()
            .WithName("ListPartnerRightsCases")
            .WithSummary("Rights cases about our workers' jobs in your city: kind, severity, deadline, escalation level and whether resolved; no description")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<Page<PartnerRightsCaseView>>> RightsCasesAsync(
        ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPartnerRightsCases(PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Results<Created<PartnerVacancyView>, Ok<PartnerVacancyView>>> UpsertAsync(
        string externalId, PartnerVacancyRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        uint? expected = httpRequest.Headers.IfMatch.Count > 0 ? httpRequest.RequireIfMatch("Vacancy", externalId) : null;
        var upsert = await sender.Send(request.ToCommand(externalId, expected), cancellationToken);
        if (upsert.PreconditionRequired)
        {
            throw new PreconditionRequiredException();
        }

        var vacancy = upsert.Vacancy!;
        response.SetETag(vacancy.RowVersion);
        return upsert.Result == SyncResult.Created
            ? TypedResults.Created($"{JobMatchingPaths.Root}/partner/vacancies/{Uri.EscapeDataString(externalId)}", vacancy)
            : TypedResults.Ok(vacancy);
    }

    private static async Task<Ok<PartnerVacancyView>> GetAsync(string externalId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var vacancy = await sender.Send(new GetPartnerVacancy(externalId), cancellationToken);
        response.SetETag(vacancy.RowVersion);
        return TypedResults.Ok(vacancy);
    }

    private static async Task<NoContent> WithdrawAsync(string externalId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new WithdrawPartnerVacancy(externalId), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PartnerSyncReport>> SyncAsync(PartnerVacancyBatchRequest request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SyncPartnerVacancies(request.Items ?? []), cancellationToken));

    private static async Task<Ok<Page<PartnerWorkerView>>> WorkersAsync(
        ISender sender, CancellationToken cancellationToken, string? tradeCode = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPartnerWorkers(tradeCode, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<Page<PartnerPlacementView>>> PlacementsAsync(
        ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPartnerPlacements(PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Created<PlacementReportView>> ReportAsync(
        Guid placementId, PlacementReportRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var report = await sender.Send(
            new ReportOnPlacement(placementId, request.Kind, request.Date, request.MonthlyWage, request.Reason, request.Note), cancellationToken);
        return TypedResults.Created($"{JobMatchingPaths.Placement(placementId)}/reports", report);
    }

    private static async Task<Ok<PartnerFeedPage>> FeedAsync(
        ISender sender, CancellationToken cancellationToken, long? after = null, string[]? sector = null, int? limit = null) =>
        TypedResults.Ok(await sender.Send(new ReadPartnerFeed(after, sector ?? [], limit), cancellationToken));
}

/// <param name="EnterpriseCreditCode">Unified social credit code of one of your city's enterprises on record.</param>
/// <param name="ValidThrough">Last day the vacancy is open; it expires by itself afterwards.</param>
public sealed record PartnerVacancyRequest(
    string? EnterpriseCreditCode,
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel = null,
    IReadOnlyList<RequiredCertificateInput?>? RequiredCertificates = null,
    EducationLevel? MinimumEducation = null,
    int? Headcount = null,
    decimal? WageMin = null,
    decimal? WageMax = null,
    bool? Accommodation = null,
    DateOnly? ValidThrough = null)
{
    public UpsertPartnerVacancy ToCommand(string externalId, uint? expectedVersion) => new(
        externalId, expectedVersion, EnterpriseCreditCode, Title, TradeCode, RequiredLevel, RequiredCertificates ?? [], MinimumEducation, Headcount, WageMin, WageMax, Accommodation, ValidThrough);
}

/// <param name="Kind">confirmed, departed or wageChanged.</param>
/// <param name="Date">The day it happened: start confirmed, last day of work, or the day the new wage applies from.</param>
/// <param name="MonthlyWage">Of a wage change only: the new monthly wage in CNY.</param>
/// <param name="Reason">Of a departure only: contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated or other.</param>
public sealed record PlacementReportRequest(
    PlacementReportKind? Kind, DateOnly? Date, decimal? MonthlyWage = null, PlacementEndReason? Reason = null, string? Note = null);

public sealed record PartnerVacancyBatchRequest(IReadOnlyList<PartnerVacancyItem?>? Items);
