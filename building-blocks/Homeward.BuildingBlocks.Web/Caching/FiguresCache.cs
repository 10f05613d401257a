using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Homeward.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Web.Caching;

/// <summary>Configuration section "Figures".</summary>
public sealed class FiguresCacheOptions
{
    public const string Section = "Figures";

    /// <summary>How long an answered set of figures is served as fresh; zero answers every request afresh and caches nothing.</summary>
    public TimeSpan CacheDuration { get; set; }

    /// <summary>
    /// How long after <see cref="CacheDuration"/> the last figures are still served while one recomputation runs in the
    /// background; past it a request waits for fresh figures, and a failure to compute them reaches the caller.
    /// </summary>
    public TimeSpan ServeStaleFor { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Aggregate figures (KPIs, reports) answered from a short-lived cache: over a whole city they take a pass over every
/// record, and a dashboard asks for the same division and period again and again. Only successful answers are kept,
/// per path and query string and per caller's division, and only after the endpoint's own authorization has let the
/// caller in, so nobody sees figures their own request would not get. Figures are fresh for
/// <see cref="FiguresCacheOptions.CacheDuration"/>; then, for <see cref="FiguresCacheOptions.ServeStaleFor"/>, the
/// last figures are served at once while one recomputation runs in the background (stale-while-revalidate), so only
/// the very first request for some figures waits for a count. Concurrent requests that must wait share one
/// computation. A served copy carries an Age header saying how old it is.
/// </summary>
public static class FiguresCache
{
    public static IServiceCollection AddFiguresCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FiguresCacheOptions>().Bind(configuration.GetSection(FiguresCacheOptions.Section))
            .Validate(options => options.CacheDuration >= TimeSpan.Zero, "Figures:CacheDuration is zero or positive.")
            .Validate(options => options.ServeStaleFor >= TimeSpan.Zero, "Figures:ServeStaleFor is zero or positive.")
            .ValidateOnStart();
        services.AddSingleton<FiguresStore>();
        return services;
    }

    /// <summary>
    /// Serves this endpoint's successful answers from the figures cache. The endpoint answers an
    /// <see cref="IResult"/> that depends only on the path, the query and the caller's division.
    /// </summary>
    public static TBuilder CacheFigures<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(static (invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<FiguresStore>().ServeAsync(invocation, next));
}

/// <summary>The cached figures of one endpoint, query and division, and the computation of newer ones under way.</summary>
internal sealed class FiguresEntry
{
    public IResult? Figures { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public Task<FiguresOutcome>? Computation { get; set; }
}

/// <summary>
/// What a computation came to: the endpoint's answer, or its failure to be thrown to whoever waits for it. A computation
/// never faults, so one that nobody waits for (a background refresh) leaves no unobserved exception behind.
/// </summary>
internal sealed record FiguresOutcome(IResult? Answer, ExceptionDispatchInfo? Failure)
{
    public IResult AnswerOrThrow()
    {
        Failure?.Throw();
        return Answer!;
    }
}

/// <summary>
/// Marks the request a recomputation replays outside the caller's request, and carries its answer back: the
/// endpoint's own filters and handler run as for the caller, but nothing is written.
/// </summary>
internal sealed class FiguresRecomputation
{
    public object? Answer { get; set; }
}

internal sealed partial class FiguresStore(
    IOptions<FiguresCacheOptions> options,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    IHttpContextAccessor accessor,
    IHostApplicationLifetime lifetime,
    ILogger<FiguresStore> logger)
{
    /// <summary>The keys come from callers' queries: past this many, expired entries are dropped or nothing more is cached.</summary>
    internal const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, FiguresEntry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<object?> ServeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (http.Features.Get<FiguresRecomputation>() is { } recomputation)
        {
            recomputation.Answer = await next(invocation);
            return Results.Empty;
        }

        // A query the endpoint could not bind has its 400 set already: it is answered as without the cache.
        var settings = options.Value;
        if (settings.CacheDuration <= TimeSpan.Zero || !HttpMethods.IsGet(http.Request.Method)
            || http.Response.StatusCode >= StatusCodes.Status400BadRequest || EntryFor(KeyOf(http)) is not { } entry)
        {
            return await next(invocation);
        }

        Task<FiguresOutcome> computation;
        lock (entry)
        {
            if (entry.Figures is { } figures)
            {
                var age = clock.GetUtcNow() - entry.ComputedAt;
                if (age < settings.CacheDuration + settings.ServeStaleFor)
                {
                    if (age >= settings.CacheDuration)
                    {
                        entry.Computation ??= Recompute(entry, http);
                    }

                    http.Response.Headers.Age = ((long)Math.Max(0, age.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    return figures;
                }
            }

            computation = entry.Computation ??= Recompute(entry, http);
        }

        return (await computation.WaitAsync(http.RequestAborted)).AnswerOrThrow();
    }

    private static string KeyOf(HttpContext http) =>
        $"{http.Request.Path}{http.Request.QueryString}#{http.User.FindFirst(HomewardClaims.Division)?.Value}";

    private FiguresEntry? EntryFor(string key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (_entries.Count >= MaxEntries)
        {
            DropExpired();
            if (_entries.Count >= MaxEntries)
            {
                return null;
            }
        }

        return _entries.GetOrAdd(key, _ => new FiguresEntry());
    }

    private void DropExpired()
    {
        var settings = options.Value;
        var oldest = clock.GetUtcNow() - settings.CacheDuration - settings.ServeStaleFor;
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (entry.Computation is null && entry.ComputedAt < oldest)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>
    /// Starts one computation of the figures the request asks for, on a copy of the request in a scope of its own, so
    /// it neither depends on the caller staying connected nor carries the caller's request into the background.
    /// </summary>
    private Task<FiguresOutcome> Recompute(FiguresEntry entry, HttpContext request)
    {
        // The caller's request may be answered and recycled before the computation starts: take what it needs now.
        var replay = ReplayOf(request);
        var path = request.Request.Path;
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => RecomputeAsync(entry, replay, path));
        }
    }

    /// <summary>
    /// Stores a successful answer; anything else leaves the last figures in place and goes only to the requests that
    /// wait. While stale figures stand in for the answer, its failure is logged: nobody else hears of it.
    /// </summary>
    private async Task<FiguresOutcome> RecomputeAsync(FiguresEntry entry, Func<IServiceProvider, DefaultHttpContext> replay, PathString path)
    {
        var startedAt = clock.GetUtcNow();
        FiguresOutcome outcome;
        try
        {
            outcome = new FiguresOutcome(await AnswerAsync(replay), null);
        }
        catch (Exception exception)
        {
            outcome = new FiguresOutcome(null, ExceptionDispatchInfo.Capture(exception));
        }

        var succeeded = outcome.Answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK };
        bool servingStale;
        lock (entry)
        {
            servingStale = entry.Figures is not null;
            if (succeeded)
            {
                entry.Figures = outcome.Answer;
                entry.ComputedAt = startedAt;
            }

            entry.Computation = null;
        }

        if (servingStale && outcome.Failure is { } failure)
        {
            LogRefreshFailed(logger, failure.SourceException, path.Value);
        }
        else if (servingStale && !succeeded)
        {
            LogRefreshRefused(logger, path.Value, (outcome.Answer as IStatusCodeHttpResult)?.StatusCode);
        }

        return outcome;
    }

    private async Task<IResult> AnswerAsync(Func<IServiceProvider, DefaultHttpContext> replay)
    {
        await using var scope = scopes.CreateAsyncScope();
        var http = replay(scope.ServiceProvider);
        var recomputation = new FiguresRecomputation();
        http.Features.Set(recomputation);
        accessor.HttpContext = http;
        try
        {
            await http.GetEndpoint()!.RequestDelegate!(http);
        }
        finally
        {
            accessor.HttpContext = null;
        }

        return recomputation.Answer as IResult
            ?? throw new InvalidOperationException($"{http.Request.Path} caches its figures but answers {recomputation.Answer?.GetType().Name ?? "nothing"}, not an IResult.");
    }

    /// <summary>What a replay needs of the caller's request, taken while it is still alive.</summary>
    private Func<IServiceProvider, DefaultHttpContext> ReplayOf(HttpContext request)
    {
        var endpoint = request.GetEndpoint() ?? throw new InvalidOperationException("Figures are cached only for an endpoint.");
        var user = request.User;
        var (scheme, host, pathBase, path, query) = (request.Request.Scheme, request.Request.Host, request.Request.PathBase, request.Request.Path, request.Request.QueryString);
        var routeValues = new RouteValueDictionary(request.Request.RouteValues);
        return services =>
        {
            var http = new DefaultHttpContext { RequestServices = services, User = user, RequestAborted = lifetime.ApplicationStopping };
            http.Request.Method = HttpMethods.Get;
            http.Request.Scheme = scheme;
            http.Request.Host = host;
            http.Request.PathBase = pathBase;
            http.Request.Path = path;
            http.Request.QueryString = query;
            http.Request.RouteValues = new RouteValueDictionary(routeValues);
            http.SetEndpoint(endpoint);
            return http;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recomputing the figures of {Path} failed; the last figures are served until they are too old")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string? path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recomputing the figures of {Path} answered {StatusCode}; the last figures are served until they are too old")]
    private static partial void LogRefreshRefused(ILogger logger, string? path, int? statusCode);
}
