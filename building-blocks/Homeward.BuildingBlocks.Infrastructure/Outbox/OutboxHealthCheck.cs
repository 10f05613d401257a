using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Reports the outbox backlog; degraded (still ready) when the oldest pending event is older than the warning age,
/// which means the broker has been unreachable or publishing is failing.
/// </summary>
public sealed class OutboxHealthCheck(OutboxBacklogReader backlogReader, IOptions<OutboxOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await backlogReader.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["pending"] = backlog.Pending,
            ["oldestPendingAgeSeconds"] = Math.Round(backlog.OldestPendingAge?.TotalSeconds ?? 0, 1),
        };
        return backlog.OldestPendingAge > options.Value.BacklogAgeWarning
            ? HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"{backlog.Pending} events wait to be published, the oldest for {backlog.OldestPendingAge:g}."),
                data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
