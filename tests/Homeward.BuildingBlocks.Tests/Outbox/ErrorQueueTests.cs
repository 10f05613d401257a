using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;

namespace Homeward.BuildingBlocks.Tests.Outbox;

public sealed class ErrorQueueTests(ProbeServers servers) : IClassFixture<ProbeServers>
{
    [Fact]
    public async Task A_consumer_that_always_fails_leaves_the_message_in_its_error_queue()
    {
        await using var host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri, withFailingConsumer: true);

        var registered = await host.RecordAsync("poison");

        await Eventually.MatchesAsync(
            () => servers.VirtualHost.QueueDepthAsync("probe-always-failing_error"),
            depth => depth == 1,
            "the failed message in probe-always-failing_error");
        // The healthy consumer of the same event is unaffected, and the failed one left no partial effect.
        await Eventually.TrueAsync(
            async () => await host.CountAsync("effects", $"worker_id = '{registered.WorkerId}'") == 1,
            "the healthy consumer's effect");
        Assert.Equal(0, await host.CountAsync("inbox_messages", "consumer = 'AlwaysFailingConsumer'"));
    }
}
