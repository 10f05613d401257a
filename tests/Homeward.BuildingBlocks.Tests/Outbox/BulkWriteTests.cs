using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Outbox;

/// <summary>
/// A bulk write runs ahead of publishing: the dispatcher publishes events written meanwhile once every overlapping
/// bulk write has ended, and once it has waited <c>Outbox:MaxWaitForBulkWrites</c> for bulk writes — one long one or
/// many in a row — it publishes beside them until it has caught up.
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

    [Fact]
    public async Task Bulk_writes_following_one_another_hold_events_back_no_longer_than_the_wait_allowed()
    {
        const int events = 20;
        await using var host = await ProbeHost.StartAsync(
            servers.Database,
            servers.VirtualHost.AmqpUri,
            settings: new Dictionary<string, string?> { ["Outbox:MaxWaitForBulkWrites"] = "00:00:01", ["Outbox:BatchSize"] = "1" });
        var bulkWrites = host.Services.GetRequiredService<IBulkWrites>();
        using var stop = new CancellationTokenSource();
        var imports = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using (bulkWrites.Begin())
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }
        });

        var written = new List<Guid>();
        for (var i = 0; i < events; i++)
        {
            written.Add((await host.RecordAsync("behind imports in a row")).WorkerId);
        }

        // Were each pause between two bulk writes to let one batch through, 20 one-event batches would take 10 s.
        await Eventually.TrueAsync(
            async () => await host.CountAsync("effects", $"worker_id IN ({string.Join(',', written.Select(id => $"'{id}'"))})") == events,
            "every event to be published while bulk writes keep following one another",
            TimeSpan.FromSeconds(6));
        Assert.False(imports.IsCompleted);
        await stop.CancelAsync();
        await imports;
    }
}
