using Homeward.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Web.Caching;

/// <summary>Configuration section "Figures".</summary>
public sealed class FiguresCacheOptions
{
    public const string Section = "Figures";

    /// <summary>How long an answered set of figures is served again; zero answers every request afresh.</summary>
    public TimeSpan CacheDuration { get; set; }
}

/// <summary>
/// Aggregate figures (KPIs, reports) answered from a short-lived cache: over a whole city they take a pass over every
/// record, and a dashboard asks for the same division and period again and again. Only successful answers are kept,
/// per query string and per caller's division, and only after the endpoint's own authorization has let the caller in,
/// so nobody sees figures their own request would not get. Concurrent requests for the same figures wait for one
/// computation. A served copy carries an Age header saying how old it is.
/// </summary>
public static class FiguresCache
{
    private const string PolicyName = "figures";

    public static IServiceCollection AddFiguresCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FiguresCacheOptions>().Bind(configuration.GetSection(FiguresCacheOptions.Section))
            .Validate(options => options.CacheDuration >= TimeSpan.Zero, "Figures:CacheDuration is zero or positive.")
            .ValidateOnStart();
        services.AddOutputCache(cache => cache.AddPolicy(PolicyName, new FiguresCachePolicy()));
        return services;
    }

    /// <summary>Serves this endpoint's successful answers from the figures cache for <see cref="FiguresCacheOptions.CacheDuration"/>.</summary>
    public static TBuilder CacheFigures<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(PolicyName);

    private sealed class FiguresCachePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var duration = http.RequestServices.GetRequiredService<IOptions<FiguresCacheOptions>>().Value.CacheDuration;
            var cacheable = duration > TimeSpan.Zero && HttpMethods.IsGet(http.Request.Method);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["division"] = http.User.FindFirst(HomewardClaims.Division)?.Value ?? string.Empty;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
