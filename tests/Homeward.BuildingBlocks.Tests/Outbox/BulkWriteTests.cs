using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Outbox;

/// <summary>
/// A bulk write runs ahead of publishing: the dispatcher publishes events written meanwhile once every overlapping
/// bulk write has ended, and once bulk writes have run for <c>Outbox:MaxWaitForBulkWrites</c> it publishes beside them.
/// </summary>
public sealed class BulkWriteTests(ProbeServers servers) : IClassFixture<ProbeServers>
{
    /// <summary>Several polls and wake-ups of the dispatcher (its poll is 200 ms in tests).</summary>
    private static readonly TimeSpan SeveralPasses = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Events_written_during_bulk_writes_are_published_once_the_last_of_them_ends()
    {
        await using var host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri);
        var bulkWrites = host.Services.GetRequiredService<IBulkWrites>();
        var first = bulkWrites.Begin();
        var second = bulkWrites.Begin();

        var registered = await host.RecordAsync("during two bulk writes");
        await Task.Delay(SeveralPasses);
        Assert.Equal(1, await host.CountAsync("outbox_messages", $"id = '{registered.EventId}' AND processed_at IS NULL"));

        first.Dispose();
        await Task.Delay(SeveralPasses);
        Assert.Equal(0, await host.CountAsync("effects", $"worker_id = '{registered.WorkerId}'"));

        second.Dispose();
        await Eventually.TrueAsync(
            async () => await host.CountAsync("effects", $"worker_id = '{registered.WorkerId}'") == 1,
            "the event to be published once the last bulk write ended");
    }

    [Fact]
    public async Task Bulk_writes_running_longer_than_the_wait_allowed_no_longer_hold_events_back()
    {
        await using var host = await ProbeHost.StartAsync(
            servers.Database,
            servers.VirtualHost.AmqpUri,
            settings: new Dictionary<string, string?> { ["Outbox:MaxWaitForBulkWrites"] = "00:00:01.500" });
        using var endless = host.Services.GetRequiredService<IBulkWrites>().Begin();

        var registered = await host.RecordAsync("beside a long bulk write");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, await host.CountAsync("outbox_messages", $"id = '{registered.EventId}' AND processed_at IS NULL"));

        await Eventually.TrueAsync(
            async () => await host.CountAsync("effects", $"worker_id = '{registered.WorkerId}'") == 1,
            "the event to be published while the bulk write still runs");
    }
}
