using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Caching;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Registry.Application.Kpis;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Registry.Api.Kpis;

public static class KpiEndpoints
{
    public static RouteGroupBuilder MapKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", GetAsync)
            .RequireScope(Scopes.RegistryRead)
            .CacheFigures()
            .WithTags("KPIs")
            .WithName("GetRegistryKpis")
            .WithSummary("The registry's figures for a division and period")
            .WithDescription(
                "Registered workers, by status and education, the share with junior high or less and without a certificate, the employment "
                + "rate (distinct recommended workers later placed through the platform ÷ distinct recommended workers), records updated and "
                + "accuracy (confirmed ÷ verified). The division is yours or one within it (403 otherwise); from and to are whole days of the city (UTC+8), "
                + "inclusive. Rates are null when nothing is counted below them."
                + " Figures are served again for up to Figures:CacheDuration, and for up to Figures:ServeStaleFor more while recomputed "
                + "(Age says how old they are).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }

    private static async Task<Ok<KpiResponse>> GetAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? division = null,
        DateOnly? from = null,
        DateOnly? to = null) =>
        TypedResults.Ok(KpiResponse.Of(await sender.Send(new GetKpis(division, from, to), cancellationToken)));
}
