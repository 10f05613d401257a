using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Homeward.Gateway;

/// <summary>What the gateway refuses before any service sees a request: oversized bodies and callers over their rate.</summary>
public static class GatewayProtection
{
    public static IServiceCollection AddGatewayProtection(this IServiceCollection services)
    {
        // One limiter for the process, so that the headers below read the same buckets the limiter takes from.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
            return PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
                CallerOf(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.TokenLimit,
                    TokensPerPeriod = options.TokensPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        services.AddOptions<RateLimiterOptions>()
            .Configure<PartitionedRateLimiter<HttpContext>>((limiter, perClient) => limiter.GlobalLimiter = perClient);
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = "This client has used up its request rate. Retry after the number of seconds in Retry-After.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>
    /// Every answer tells the client its rate (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset), read from its
    /// bucket when the answer starts, so a client can slow down before it is refused. Runs before the limiter, so a
    /// refusal carries them too.
    /// </summary>
    public static WebApplication UseRateLimitHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
                var limiter = context.RequestServices.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
                var remaining = Math.Max(0, limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
                var secondsToFull = remaining >= options.TokenLimit
                    ? 0
                    : (long)Math.Ceiling((options.TokenLimit - remaining) / (double)Math.Max(1, options.TokensPerSecond));
                var headers = context.Response.Headers;
                headers[RateLimitHeaders.Limit] = options.TokenLimit.ToString(CultureInfo.InvariantCulture);
                headers[RateLimitHeaders.Remaining] = remaining.ToString(CultureInfo.InvariantCulture);
                headers[RateLimitHeaders.Reset] = secondsToFull.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>Caps every request body; a declared length over the cap is answered 413 at once, a streamed one when it passes the cap.</summary>
    public static WebApplication UseRequestBodyCap(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var cap = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > cap)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = cap;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The client a token was issued to (staff are told apart by their account), else the remote address.</summary>
    private static string CallerOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var client = user.FindFirstValue(HomewardClaims.ClientId) ?? "staff";
            return $"{client}:{user.FindFirstValue(HomewardClaims.Subject)}";
        }

        return "anonymous:" + context.Connection.RemoteIpAddress;
    }
}
