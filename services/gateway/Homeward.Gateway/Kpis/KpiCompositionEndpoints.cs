using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.SharedKernel.Divisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Homeward.Gateway.Kpis;

public static class KpiCompositionEndpoints
{
    public const string Path = "/api/gateway/v1/kpis";

    public static IServiceCollection AddKpiComposition(this IServiceCollection services)
    {
        services.AddSingleton<KpiComposer>();
        services.AddHttpClient(KpiComposer.ClientName)
            .AddStandardResilienceHandler()
            // One breaker per service: a service that is down must not cut the others out of the answer.
            .SelectPipelineByAuthority()
            .Configure((resilience, provider) =>
            {
                var timeout = provider.GetRequiredService<IOptions<GatewayOptions>>().Value.Kpis.Timeout;
                // A city's figures can take seconds when not cached: an attempt may use most of the wait, and the
                // one retry is for a connection that failed at once, not for a slow answer.
                resilience.TotalRequestTimeout.Timeout = timeout;
                resilience.AttemptTimeout.Timeout = timeout * 0.8;
                resilience.Retry.MaxRetryAttempts = 1;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(50);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, timeout.TotalSeconds * 2));
            });
        return services;
    }

    public static WebApplication MapKpiComposition(this WebApplication app)
    {
        app.MapGet(Path, ComposeAsync)
            .RequireAuthorization(policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Staff)
                .AddRequirements(new CallerKindRequirement(partnerEndpoint: false)))
            .WithName("ComposeKpis")
            .WithSummary("Every service's KPIs for a division and period, gathered at once")
            .WithDescription(
                "?division= (yours or one within it; yours when left out), ?from= and ?to= (whole days, inclusive) are passed to each "
                + "service's /kpis with your token. A service that is down, slow or refuses you is listed under missing with the reason; "
                + "the rest still answer (complete is then false).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<ComposedKpis>> ComposeAsync(
        HttpContext context,
        ICurrentUser user,
        KpiComposer composer,
        CancellationToken cancellationToken,
        string? division = null,
        DateOnly? from = null,
        DateOnly? to = null)
    {
        if (from > to)
        {
            throw new RequestValidationException("from", "The period starts after it ends.");
        }

        if (division is not null)
        {
            if (!DivisionCode.TryParse(division, out var code))
            {
                throw new RequestValidationException("division", "The division is a 12-digit statistical code or a 6-digit county code.");
            }

            if (!user.Covers(code.Value))
            {
                throw new ForbiddenException($"Division {code} lies outside your office's division.");
            }
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var query = new KpiQuery(division, from, to);
        return TypedResults.Ok(await composer.ComposeAsync(query, authorization.Length == 0 ? null : authorization, cancellationToken));
    }
}
