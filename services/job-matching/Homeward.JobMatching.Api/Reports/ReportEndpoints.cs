using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Caching;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Application.Kpis;
using Homeward.JobMatching.Application.SkillGaps;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", KpisAsync)
            .RequireScope(Scopes.JobMatchingRead, [.. Roles.Staff])
            .CacheFigures()
            .WithTags("Reports")
            .WithName("GetJobMatchingKpis")
            .WithSummary("Workers recommended, placed among them, employment rate, local and cross-region placements, mean wage, open and unfilled headcount by trade")
            .WithDescription(
                "?division= (within the caller's; the caller's own when left out), ?from= and ?to= (whole days of the city, UTC+8, both inclusive; to is today when left out). "
                + "Rates have four decimals and are null when nothing was counted."
                + " Figures are served again for up to Figures:CacheDuration, and for up to Figures:ServeStaleFor more while recomputed "
                + "(Age says how old they are).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/kpis/labor-cooperation", LaborCooperationKpisAsync)
            .RequireScope(Scopes.JobMatchingRead, [.. Roles.Staff])
            .WithTags("Reports")
            .WithName("GetLaborCooperationKpis")
            .WithSummary("Partner enterprises, fairs held, cross-region placements and their mean wage, 3- and 6-month retention, open rights cases and mean days to resolution")
            .WithDescription("Same ?division=, ?from= and ?to= as /kpis. Retention counts placements that started in the period at least 3 (6) months ago.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/skill-gaps", SkillGapsAsync)
            .RequireScope(Scopes.JobMatchingRead, [.. Roles.Staff])
            .WithTags("Reports")
            .WithName("GetSkillGaps")
            .WithSummary("Unfilled places of open vacancies by trade, level and certificates against the candidates seeking work who could fill them")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/skill-gaps/publications", PublishAsync)
            .RequireScope(Scopes.JobMatchingWrite, Roles.CityAdmin, Roles.CountyOfficer)
            .WithTags("Reports")
            .WithName("PublishSkillGaps")
            .WithSummary("Announce every skill gap of a division as SkillGapIdentified, for Training")
            .WithDescription("?division= as for the report. Answers the gaps announced.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<KpiView>> KpisAsync(
        ISender sender, CancellationToken cancellationToken, string? division = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new GetKpis(division, from, to), cancellationToken));

    private static async Task<Ok<LaborCooperationKpiView>> LaborCooperationKpisAsync(
        ISender sender, CancellationToken cancellationToken, string? division = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new GetLaborCooperationKpis(division, from, to), cancellationToken));

    private static async Task<Ok<SkillGapsView>> SkillGapsAsync(ISender sender, CancellationToken cancellationToken, string? division = null) =>
        TypedResults.Ok(await sender.Send(new GetSkillGaps(division), cancellationToken));

    private static async Task<Ok<SkillGapsView>> PublishAsync(ISender sender, CancellationToken cancellationToken, string? division = null) =>
        TypedResults.Ok(await sender.Send(new PublishSkillGaps(division), cancellationToken));
}
