using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Api.Common;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Recommendations;
using Homeward.JobMatching.Domain.Recommendations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Recommendations;

public static class RecommendationEndpoints
{
    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        var recommendations = api.MapGroup("/recommendations").WithTags("Recommendations");

        recommendations.MapPost("/", RecordAsync)
            .RequireScope(Scopes.JobMatchingWrite, [.. StaffRoles.Offices, Roles.App])
            .WithName("RecordRecommendation")
            .WithSummary("Record that a vacancy was recommended to a worker of the caller's division")
            .WithDescription(
                "Staff, or an app for the system's own proposals (channel system or app). The vacancy must take hires (422 vacancy-not-open). "
                + "While the same vacancy is recommended to the same worker and nothing has come of it, another answers 409 pointing to it. "
                + "Publishes WorkerRecommended.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        recommendations.MapPost("/batch", RecordBatchAsync)
            .RequireScope(Scopes.JobMatchingWrite, [.. StaffRoles.Offices, Roles.App])
            .WithName("RecordRecommendations")
            .WithSummary($"Record up to {RecordRecommendations.MaxItems} recommendations to workers of the caller's division at once, with a result per item")
            .WithDescription(
                "Each item is what POST /recommendations takes; with fairId it is an offer at that fair, as POST /job-fairs/{fairId}/offers "
                + "(checkIn: true also records the worker's check-in there; offers are for office staff, an app's batch with one answers 403). "
                + "200 with each item created (recommendationId) or rejected with a problem: the status, code and detail the same request alone would answer "
                + "(candidate-not-found for a worker outside the caller's division or not yet known here, vacancy-not-open, recommendation-already-open "
                + "with the open one's id, fair-worker-not-checked-in, ...); the created ones are committed together, in one transaction. "
                + "Sending the batch again records nothing more: every item is then rejected as recommendation-already-open. "
                + "An empty or oversized batch, an invalid item or the same pair twice answers 400 naming items[i]. Publishes WorkerRecommended per item created.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        recommendations.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListRecommendations")
            .WithSummary("Recommendations to workers of the caller's division, optionally by ?workerId=, ?vacancyId= and ?open=")
            .ProducesValidationProblem();

        recommendations.MapGet("/{recommendationId:guid}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetRecommendation")
            .WithSummary("Read a recommendation and its outcomes")
            .ProducesProblem(StatusCodes.Status404NotFound);

        recommendations.MapPost("/{recommendationId:guid}/outcomes", RecordOutcomeAsync)
            .RequireScope(Scopes.JobMatchingWrite, [.. StaffRoles.Offices, Roles.App])
            .WithName("RecordRecommendationOutcome")
            .WithSummary("Record what came of a recommendation (If-Match required)")
            .WithDescription(
                "applied and interviewed move it forward; declined and rejected end it. A hire is recorded by POST /placements with the "
                + "recommendationId. at is when it happened (now when left out), not before the recommendation and not in the future.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Created<RecommendationView>> RecordAsync(RecordRecommendationRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var recommendation = await sender.Send(new RecordRecommendation(request.WorkerId, request.VacancyId, request.Channel, request.Note), cancellationToken);
        response.SetETag(recommendation.RowVersion);
        return TypedResults.Created(JobMatchingPaths.Recommendation(recommendation.Id), recommendation);
    }

    private static async Task<Ok<RecommendationBatchReport>> RecordBatchAsync(
        RecommendationBatchRequest request, ISender sender, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var items = request.Items ?? [];
        if (items.Any(i => i?.FairId is not null) && !StaffRoles.Offices.Any(currentUser.IsInRole))
        {
            throw new ForbiddenException("Offers at a fair are recorded by the offices that bring workers there.");
        }

        return TypedResults.Ok(await sender.Send(new RecordRecommendations(items), cancellationToken));
    }

    private static async Task<Ok<Page<RecommendationView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? workerId = null, Guid? vacancyId = null, bool? open = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListRecommendations(workerId, vacancyId, open, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<RecommendationView>> GetAsync(Guid recommendationId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var recommendation = await sender.Send(new GetRecommendation(recommendationId), cancellationToken);
        response.SetETag(recommendation.RowVersion);
        return TypedResults.Ok(recommendation);
    }

    private static async Task<Ok<RecommendationView>> RecordOutcomeAsync(
        Guid recommendationId, RecordOutcomeRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Recommendation", recommendationId);
        var recommendation = await sender.Send(new RecordOutcome(recommendationId, expected, request.Outcome, request.At, request.Note), cancellationToken);
        response.SetETag(recommendation.RowVersion);
        return TypedResults.Ok(recommendation);
    }
}

/// <param name="Channel">staff (default), system, jobFair or app.</param>
public sealed record RecordRecommendationRequest(Guid WorkerId, Guid VacancyId, RecommendationChannel? Channel = null, string? Note = null);

public sealed record RecommendationBatchRequest(IReadOnlyList<RecommendationBatchItem?>? Items);

/// <param name="Outcome">applied, interviewed, declined or rejected.</param>
public sealed record RecordOutcomeRequest(RecommendationOutcome? Outcome, DateTimeOffset? At = null, string? Note = null);
