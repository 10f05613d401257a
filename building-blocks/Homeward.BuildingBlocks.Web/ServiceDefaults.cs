using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Homeward.BuildingBlocks.Web.Caching;
using Homeward.BuildingBlocks.Web.Correlation;
using Homeward.BuildingBlocks.Web.Health;
using Homeward.BuildingBlocks.Web.Logging;
using Homeward.BuildingBlocks.Web.Problems;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.BuildingBlocks.Web.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Web;

public static class ServiceDefaults
{
    /// <summary>
    /// What every Homeward process has: problem details for every failure, strict JSON (unknown members and numbers
    /// in strings refused, enums as camelCase strings), correlation ids, telemetry and health endpoints.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, ServiceDescription service)
    {
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions[ProblemExtensions.TraceId] =
                Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The gateway adds X-Forwarded-*; the Identity service needs the original host and scheme to name its
            // endpoints as clients reach them. Proxies are trusted only from loopback unless configured otherwise.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.AddTelemetry(service);
        builder.AddTokenAuthentication(service);
        builder.Services.AddFiguresCache(builder.Configuration);
        RedactingLoggerProvider.DecorateAll(builder.Services);
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    /// <summary>
    /// Exception handling, problem details for bare status codes (401, 403, 404, 405, …) and correlation come first,
    /// then routing, the caller's identity and authorization (the figures cache, an endpoint filter, runs behind it).
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="beforeAuthorization">Middleware that must know the caller but run before endpoints are authorized, such as rate limits.</param>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? beforeAuthorization = null)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        beforeAuthorization?.Invoke(app);
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
