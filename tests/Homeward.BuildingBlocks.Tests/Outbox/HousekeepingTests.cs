using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Outbox;

public sealed class HousekeepingTests(ProbeServers servers) : IClassFixture<ProbeServers>
{
    [Fact]
    public async Task Cleanup_deletes_old_processed_events_and_inbox_rows_but_never_a_pending_event()
    {
        await using var host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri);
        var published = await host.RecordAsync("old");
        await Eventually.TrueAsync(
            async () => await host.CountAsync("outbox_messages", $"id = '{published.EventId}' AND processed_at IS NOT NULL") == 1
                && await host.CountAsync("inbox_messages", $"message_id = '{published.EventId}'") == 1,
            "the event to be published and applied");
        var pendingId = Guid.CreateVersion7();
        await servers.Database.ExecuteAsAdminAsync(
            $"""
             UPDATE probe.outbox_messages SET processed_at = now() - interval '30 days' WHERE id = '{published.EventId}';
             UPDATE probe.inbox_messages SET received_at = now() - interval '90 days' WHERE message_id = '{published.EventId}';
             INSERT INTO probe.outbox_messages (id, type, payload, headers, occurred_at, attempts, next_attempt_at)
             VALUES ('{pendingId}', 'urn:message:homeward:unknown:v1', '{"{"}{"}"}', '{"{"}{"}"}', now() - interval '90 days', 7, now() + interval '1 day');
             """);

        var deleted = await host.Services.GetRequiredService<OutboxHousekeeping>().CleanUpAsync(CancellationToken.None);

        Assert.True(deleted >= 2);
        Assert.Equal(0, await host.CountAsync("outbox_messages", $"id = '{published.EventId}'"));
        Assert.Equal(0, await host.CountAsync("inbox_messages", $"message_id = '{published.EventId}'"));
        Assert.Equal(1, await host.CountAsync("outbox_messages", $"id = '{pendingId}'"));
    }

    [Fact]
    public async Task The_backlog_reports_how_many_events_wait_and_for_how_long()
    {
        await using var host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri);
        var stuckId = Guid.CreateVersion7();
        await servers.Database.ExecuteAsAdminAsync(
            $"""
             INSERT INTO probe.outbox_messages (id, type, payload, headers, occurred_at, attempts, next_attempt_at)
             VALUES ('{stuckId}', 'urn:message:homeward:unknown:v1', '{"{"}{"}"}', '{"{"}{"}"}', now() - interval '10 minutes', 3, now() + interval '1 day');
             """);

        var backlog = await host.Services.GetRequiredService<OutboxBacklogReader>().ReadAsync(CancellationToken.None);

        Assert.True(backlog.Pending >= 1);
        Assert.True(backlog.OldestPendingAge >= TimeSpan.FromMinutes(9));
        Assert.Equal(backlog, host.Services.GetRequiredService<OutboxMetrics>().Backlog);
        await servers.Database.ExecuteAsAdminAsync($"DELETE FROM probe.outbox_messages WHERE id = '{stuckId}'");
    }
}
