using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Api.Common;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Placements;
using Homeward.JobMatching.Domain.Placements;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Placements;

public static class PlacementEndpoints
{
    public static RouteGroupBuilder MapPlacementEndpoints(this RouteGroupBuilder api)
    {
        var placements = api.MapGroup("/placements").WithTags("Placements");

        placements.MapPost("/", PlaceAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("PlaceWorker")
            .WithSummary("Hire a worker of the caller's division: from a recommendation, into a vacancy, or directly by an employer")
            .WithDescription(
                "Give exactly one of recommendationId, vacancyId or employerId (with workerId unless from a recommendation, and tradeCode only "
                + "without a vacancy). A hire into a vacancy takes a place; the last place makes it filled, and a vacancy that takes no hires "
                + "answers 409 vacancy-not-open or vacancy-full; hires that race each get a place while one is left, and the others that 409. "
                + "Publishes WorkerPlaced (local or cross-region).")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        placements.MapPost("/batch", PlaceBatchAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("PlaceWorkers")
            .WithSummary($"Make up to {PlaceWorkers.MaxItems} hires of workers of the caller's division at once, with a result per item")
            .WithDescription(
                "Each item is what POST /placements takes, under the same rules. 200 with each item created (placementId) or rejected with a problem: the "
                + "status, code and detail the same request alone would answer (recommendation-not-found, candidate-not-found, recommendation-closed, "
                + "vacancy-full, vacancy-not-open, ...); the hires made are committed together, in one transaction. Hires into the same vacancy take "
                + "its places in the batch's order; the last place makes it filled, and those after it are rejected 409 vacancy-not-open; batches and single hires that race "
                + "for places each get one while one is left. Sending a batch of hires from recommendations again hires nothing more (each is then "
                + "recommendation-closed); for direct hires send Idempotency-Key to retry safely. An empty or oversized batch, an invalid item or the "
                + "same hire twice answers 400 naming items[i]. Publishes WorkerPlaced per hire made.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        placements.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListPlacements")
            .WithSummary("Placements of workers of the caller's division, optionally by ?workerId= and ?vacancyId=")
            .ProducesValidationProblem();

        placements.MapGet("/{placementId:guid}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetPlacement")
            .WithSummary("Read a placement")
            .ProducesProblem(StatusCodes.Status404NotFound);

        placements.MapPost("/{placementId:guid}/end", EndAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("EndPlacement")
            .WithSummary("End a placement with its reason (If-Match required)")
            .WithDescription("Publishes PlacementEnded. A placement ends once (422 placement-already-ended) and not before it started.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        placements.MapGet("/{placementId:guid}/reports", ListReportsAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListPlacementReports")
            .WithSummary("What the partner city reported about a placement: confirmation, departure, wage changes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Application.Partners.PlacementReportView>>> ListReportsAsync(
        Guid placementId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPlacementReports(placementId), cancellationToken));

    private static async Task<Created<PlacementView>> PlaceAsync(PlaceWorkerRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var placement = await sender.Send(request.ToCommand(), cancellationToken);
        response.SetETag(placement.RowVersion);
        return TypedResults.Created(JobMatchingPaths.Placement(placement.Id), placement);
    }

    private static async Task<Ok<PlacementBatchReport>> PlaceBatchAsync(PlaceWorkersRequest request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new PlaceWorkers([.. (request.Items ?? []).Select(i => i is null ? null : i.ToCommand())]), cancellationToken));

    private static async Task<Ok<Page<PlacementView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? workerId = null, Guid? vacancyId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPlacements(workerId, vacancyId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<PlacementView>> GetAsync(Guid placementId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var placement = await sender.Send(new GetPlacement(placementId), cancellationToken);
        response.SetETag(placement.RowVersion);
        return TypedResults.Ok(placement);
    }

    private static async Task<Ok<PlacementView>> EndAsync(
        Guid placementId, EndPlacementRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Placement", placementId);
        var placement = await sender.Send(new EndPlacement(placementId, expected, request.EndDate, request.Reason, request.Note), cancellationToken);
        response.SetETag(placement.RowVersion);
        return TypedResults.Ok(placement);
    }
}

/// <param name="MonthlyWage">Agreed monthly wage in CNY.</param>
/// <param name="StartDate">First working day.</param>
public sealed record PlaceWorkerRequest(
    Guid? RecommendationId = null,
    Guid? VacancyId = null,
    Guid? EmployerId = null,
    Guid? WorkerId = null,
    string? TradeCode = null,
    decimal? MonthlyWage = null,
    DateOnly? StartDate = null)
{
    public PlaceWorker ToCommand() => new(RecommendationId, VacancyId, EmployerId, WorkerId, TradeCode, MonthlyWage, StartDate);
}

public sealed record PlaceWorkersRequest(IReadOnlyList<PlaceWorkerRequest?>? Items);

/// <param name="Reason">contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated or other.</param>
public sealed record EndPlacementRequest(DateOnly? EndDate, PlacementEndReason? Reason, string? Note = null);
