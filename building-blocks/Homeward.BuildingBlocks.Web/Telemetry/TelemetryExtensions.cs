using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Homeward.BuildingBlocks.Web.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The activity source of MassTransit's send, publish and consume spans.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Traces across HTTP (in and out), PostgreSQL, the outbox and MassTransit, so one request and the events it
    /// causes form one trace; metrics of ASP.NET Core, the runtime and Homeward's own meters. Exported over OTLP only
    /// when OTEL_EXPORTER_OTLP_ENDPOINT is configured.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, ServiceDescription service)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService($"homeward-{service.Name}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(MassTransitSource)
                .AddSource(OutboxDispatcher.ActivitySource.Name))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OutboxMetrics.MeterName, MassTransitSource));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
}
