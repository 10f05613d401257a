using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Caching;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Training.Application.Demand;
using Homeward.Training.Application.Outcomes;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/demand", DemandAsync)
            .RequireScope(Scopes.TrainingRead, [.. Roles.Staff])
            .WithTags("Reports")
            .WithName("GetTrainingDemand")
            .WithSummary("Training demand per trade in a division (workers' training needs and job matching's skill gaps) against the seats planned, with sessions to add")
            .WithDescription("?division= within the caller's; the caller's own when left out.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/scorecards", ScorecardsAsync)
            .RequireScope(Scopes.TrainingRead, [.. Roles.Staff])
            .WithTags("Reports")
            .WithName("GetTrainingScorecards")
            .WithSummary("Per provider and per course: practical share, completion, certification and employment within six months of completion")
            .WithDescription("Over sessions held within ?division= (the caller's when left out). Rates have four decimals and are null when nothing was counted.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/kpis", KpisAsync)
            .RequireScope(Scopes.TrainingRead, [.. Roles.Staff])
            .WithTags("Reports")
            .WithName("GetTrainingKpis")
            .WithSummary("Sessions held, enrollments (person-times), trades covered, completion and certification rates, post-training employment overall and in the trade")
            .WithDescription("?division= (within the caller's; the caller's own when left out), ?from= and ?to= (city dates, both inclusive; "
                + "from the beginning and up to today when left out)."
                + " Figures are served again for up to Figures:CacheDuration, and for up to Figures:ServeStaleFor more while recomputed (Age says how old they are).")
            .CacheFigures()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<DemandReport>> DemandAsync(ISender sender, CancellationToken cancellationToken, string? division = null) =>
        TypedResults.Ok(await sender.Send(new GetDemand(division), cancellationToken));

    private static async Task<Ok<ScorecardReport>> ScorecardsAsync(ISender sender, CancellationToken cancellationToken, string? division = null) =>
        TypedResults.Ok(await sender.Send(new GetScorecards(division), cancellationToken));

    private static async Task<Ok<TrainingKpis>> KpisAsync(
        ISender sender, CancellationToken cancellationToken, string? division = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new GetKpis(division, from, to), cancellationToken));
}
