using System.Text.Json;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Homeward.BuildingBlocks.Web.Health;

public static class HealthEndpoints
{
    /// <summary>Checks tagged "ready" decide readiness: the database, the broker and the outbox.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Readiness of a service with a database: can it reach PostgreSQL, and how far behind is its outbox.</summary>
    public static IHealthChecksBuilder AddDatabaseHealthChecks(this IHealthChecksBuilder checks) => checks
        .AddNpgSql(provider => provider.GetRequiredService<NpgsqlDataSource>(), name: "postgresql", tags: [ReadyTag])
        .AddCheck<OutboxHealthCheck>("outbox", tags: [ReadyTag]);

    /// <summary>
    /// <c>/health/live</c> answers whenever the process serves requests; <c>/health/ready</c> runs the checks tagged
    /// "ready" and lists each one's status (never exception details).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").AllowAnonymous().ExcludeFromDescription();
        health.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        health.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(
            context.Response.Body,
            new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
            },
            JsonSerializerOptions.Web,
            context.RequestAborted);
    }
}
