using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Application.Matching;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Matching;

public static class MatchingEndpoints
{
    public static RouteGroupBuilder MapMatchingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/candidates/{workerId:guid}/matches", MatchVacanciesAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithTags("Matching")
            .WithName("MatchVacanciesForWorker")
            .WithSummary("The best open vacancies for a worker of the caller's division (?limit= 1–100, default 20)")
            .WithDescription(
                "Hard filters: the worker seeks work; the vacancy is open with places left; its workplace is where the worker will work; "
                + "the worker can start (after busy months) before it closes. Each hit carries its score (0–100), the points of each "
                + "factor and the requirements the worker does not meet, in plain words. Vacancies come from the whole city and the partner cities.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/vacancies/{vacancyId:guid}/matches", MatchCandidatesAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithTags("Matching")
            .WithName("MatchCandidatesForVacancy")
            .WithSummary("The best candidates of the caller's division for a vacancy (?limit= 1–200, default 50)")
            .WithDescription("Same hard filters and score as the other direction; candidates are never shown with an ID number or phone number.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<MatchList<VacancyMatch>>> MatchVacanciesAsync(Guid workerId, ISender sender, CancellationToken cancellationToken, int? limit = null) =>
        TypedResults.Ok(await sender.Send(new MatchVacanciesForWorker(workerId, limit), cancellationToken));

    private static async Task<Ok<MatchList<CandidateMatch>>> MatchCandidatesAsync(Guid vacancyId, ISender sender, CancellationToken cancellationToken, int? limit = null) =>
        TypedResults.Ok(await sender.Send(new MatchCandidatesForVacancy(vacancyId, limit), cancellationToken));
}
