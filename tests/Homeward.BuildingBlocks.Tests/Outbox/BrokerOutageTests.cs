using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Outbox;

public sealed class BrokerOutageTests(ProbeServers servers) : IClassFixture<ProbeServers>
{
    [Fact]
    public async Task While_the_broker_is_unreachable_writes_succeed_and_the_backlog_grows_then_every_event_arrives_once()
    {
        const int events = 25;
        var broker = servers.VirtualHost.AmqpUri;
        await using var proxy = new TcpProxy(broker.Host, broker.Port);
        var throughProxy = new UriBuilder(broker) { Port = proxy.Port }.Uri;
        await using var host = await ProbeHost.StartAsync(servers.Database, throughProxy);
        var warmUp = await host.RecordAsync("before the outage");
        await Eventually.TrueAsync(async () => await host.CountAsync("effects", $"worker_id = '{warmUp.WorkerId}'") == 1, "the bus to work");

        proxy.Cut();
        var written = new List<Guid>();
        for (var i = 0; i < events; i++)
        {
            written.Add((await host.RecordAsync("during the outage")).WorkerId);
        }

        var backlogReader = host.Services.GetRequiredService<OutboxBacklogReader>();
        var backlog = await backlogReader.ReadAsync(CancellationToken.None);
        Assert.Equal(events, backlog.Pending);
        Assert.Equal(events, await host.CountAsync("records", "label = 'during the outage'"));
        await Eventually.TrueAsync(
            async () => await host.CountAsync("outbox_messages", "processed_at IS NULL AND attempts > 0") > 0,
            "publishing to be attempted, to fail and to be deferred");
        Assert.Equal(0, await host.CountAsync("effects", $"worker_id IN ({InList(written)})"));

        proxy.Restore();
        await Eventually.TrueAsync(
            async () => await host.CountAsync("effects", $"worker_id IN ({InList(written)})") == events,
            "every event written during the outage to have its effect",
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await backlogReader.ReadAsync(CancellationToken.None)).Pending);
        await Task.Delay(500);
        foreach (var workerId in written)
        {
            Assert.Equal(1, await host.CountAsync("effects", $"worker_id = '{workerId}'"));
        }
    }

    private static string InList(IEnumerable<Guid> ids) => string.Join(',', ids.Select(id => $"'{id}'"));
}
