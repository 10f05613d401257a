using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Api.Common;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Fairs;
using Homeward.JobMatching.Application.Recommendations;
using Homeward.JobMatching.Domain.Fairs;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Fairs;

public static class JobFairEndpoints
{
    public static RouteGroupBuilder MapJobFairEndpoints(this RouteGroupBuilder api)
    {
        var fairs = api.MapGroup("/job-fairs").WithTags("Job fairs");

        fairs.MapPost("/", PlanAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("PlanJobFair")
            .WithSummary("Record a job fair the caller's office organises: date, place, local or crossRegion with a registered partner city")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        fairs.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListJobFairs")
            .WithSummary("Job fairs, the latest first")
            .ProducesValidationProblem();

        fairs.MapGet("/{fairId:guid}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetJobFair")
            .WithSummary("Read a job fair with its participating employers and vacancies")
            .ProducesProblem(StatusCodes.Status404NotFound);

        fairs.MapPost("/{fairId:guid}/participants", AddParticipantAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("AddFairParticipant")
            .WithSummary("An employer takes part with some of its vacancies (If-Match of the fair; organising office only)")
            .WithDescription("A cross-region fair takes enterprises of its partner city only (422 fair-employer-not-of-partner-city).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        fairs.MapPost("/{fairId:guid}/check-ins", CheckInAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("CheckInAtFair")
            .WithSummary("A worker of the caller's division came to the fair (409 when already checked in)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        fairs.MapGet("/{fairId:guid}/check-ins", ListCheckInsAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListFairCheckIns")
            .WithSummary("Check-ins at the fair of workers of the caller's division")
            .ProducesProblem(StatusCodes.Status404NotFound);

        fairs.MapPost("/{fairId:guid}/offers", OfferAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("MakeFairOffer")
            .WithSummary("An on-site offer of a vacancy brought to the fair to a worker who checked in: recorded as a jobFair recommendation")
            .WithDescription("Hire from the returned recommendation with POST /placements {recommendationId} to place the worker; the fair's results count it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        fairs.MapGet("/{fairId:guid}/results", ResultsAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetFairResults")
            .WithSummary("What the fair achieved: employers, vacancies, and over workers of the caller's division check-ins, offers, placements, mean wage")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<JobFairView>> PlanAsync(PlanJobFairRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var fair = await sender.Send(new PlanJobFair(request.Title, request.Date, request.Place, request.Kind, request.PartnerCity), cancellationToken);
        response.SetETag(fair.RowVersion);
        return TypedResults.Created(JobMatchingPaths.JobFair(fair.Id), fair);
    }

    private static async Task<Ok<Page<JobFairView>>> ListAsync(ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListJobFairs(PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<JobFairView>> GetAsync(Guid fairId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var fair = await sender.Send(new GetJobFair(fairId), cancellationToken);
        response.SetETag(fair.RowVersion);
        return TypedResults.Ok(fair);
    }

    private static async Task<Ok<JobFairView>> AddParticipantAsync(
        Guid fairId, AddFairParticipantRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("JobFair", fairId);
        var fair = await sender.Send(new AddFairParticipant(fairId, expected, request.EmployerId, request.VacancyIds ?? []), cancellationToken);
        response.SetETag(fair.RowVersion);
        return TypedResults.Ok(fair);
    }

    private static async Task<Created<FairCheckInView>> CheckInAsync(Guid fairId, FairCheckInRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var checkIn = await sender.Send(new CheckInAtFair(fairId, request.WorkerId), cancellationToken);
        return TypedResults.Created($"{JobMatchingPaths.JobFair(fairId)}/check-ins", checkIn);
    }

    private static async Task<Ok<IReadOnlyList<FairCheckInView>>> ListCheckInsAsync(Guid fairId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListFairCheckIns(fairId), cancellationToken));

    private static async Task<Created<RecommendationView>> OfferAsync(Guid fairId, FairOfferRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var recommendation = await sender.Send(new MakeFairOffer(fairId, request.WorkerId, request.VacancyId, request.Note), cancellationToken);
        return TypedResults.Created(JobMatchingPaths.Recommendation(recommendation.Id), recommendation);
    }

    private static async Task<Ok<FairResults>> ResultsAsync(Guid fairId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetFairResults(fairId), cancellationToken));
}

/// <param name="Kind">local or crossRegion.</param>
/// <param name="PartnerCity">The registered partner city of a cross-region fair.</param>
public sealed record PlanJobFairRequest(string? Title, DateOnly? Date, string? Place, FairKind? Kind, string? PartnerCity = null);

public sealed record AddFairParticipantRequest(Guid? EmployerId, IReadOnlyList<Guid>? VacancyIds = null);

public sealed record FairCheckInRequest(Guid? WorkerId);

public sealed record FairOfferRequest(Guid? WorkerId, Guid? VacancyId, string? Note = null);
