using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Candidates;

public static class CandidateEndpoints
{
    public static RouteGroupBuilder MapCandidateEndpoints(this RouteGroupBuilder api)
    {
        var candidates = api.MapGroup("/candidates").WithTags("Candidates");
        candidates.MapGet("/{workerId:guid}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetCandidate")
            .WithSummary("Read what matching knows of a registered worker")
            .WithDescription("The candidate projection built from registry events. It never contains a national ID or phone number.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<CandidateResponse>> GetAsync(Guid workerId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(CandidateResponse.From(await sender.Send(new GetCandidate(workerId), cancellationToken)));
}

/// <summary>What matching knows of a worker: never a national ID or phone number, nor certificate numbers.</summary>
/// <param name="Status">The employment status as the registry last reported it; null until it has.</param>
public sealed record CandidateResponse(
    Guid WorkerId,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string HouseholdDivision,
    string? ResidenceDivision,
    EducationLevel? Education,
    IReadOnlyList<CandidateSkill> Skills,
    IReadOnlyList<CandidateCertificate> Certificates,
    CandidateIntention? Intention,
    CandidateStatus? Status,
    DateTimeOffset RegisteredAt)
{
    public static CandidateResponse From(CandidateView candidate) => new(
        candidate.WorkerId,
        candidate.Name,
        candidate.Gender,
        candidate.BirthDate,
        candidate.HouseholdDivision,
        candidate.ResidenceDivision,
        candidate.Education,
        candidate.Skills,
        candidate.Certificates,
        candidate.Intention,
        candidate.Status,
        candidate.RegisteredAt);
}
