using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Caching;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Application.Kpis;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Subsidy.Api.Kpis;

public static class KpiEndpoints
{
    public static RouteGroupBuilder MapKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", GetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .CacheFigures()
            .WithTags("KPIs")
            .WithName("GetSubsidyKpis")
            .WithSummary("Disbursed sum, businesses paid, loans and jobs driven, awareness and benefit rates, time to decision, overdue applications")
            .WithDescription("For a division within the caller's (the caller's own by default) over from..to (whole days of the city, UTC+8, both inclusive). "
                + "A division outside the caller's answers 403."
                + " Figures are served again for up to Figures:CacheDuration, and for up to Figures:ServeStaleFor more while recomputed (Age says how old they are).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<KpiView>> GetAsync(
        ISender sender, CancellationToken cancellationToken, string? division = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new GetKpis(division, from, to), cancellationToken));
}
