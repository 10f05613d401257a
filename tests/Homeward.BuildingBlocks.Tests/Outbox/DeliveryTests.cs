using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Outbox;

/// <summary>Outbox to inbox: every stored event reaches the consumer, and has exactly one effect however it is delivered.</summary>
public sealed class DeliveryTests(ProbeServers servers) : IClassFixture<ProbeServers>, IAsyncLifetime
{
    private ProbeHost _host = null!;

    public async Task InitializeAsync() => _host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_stored_event_reaches_the_consumer_and_is_marked_processed()
    {
        var registered = await _host.RecordAsync();

        await EffectsOf(registered.WorkerId, expected: 1);
        await Eventually.TrueAsync(
            async () => await _host.CountAsync("outbox_messages", $"id = '{registered.EventId}' AND processed_at IS NOT NULL") == 1,
            "the outbox row to be marked processed");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var registered = await _host.RecordAsync();
        await EffectsOf(registered.WorkerId, expected: 1);

        // Publish the very same message again, as a dispatcher that crashed before its commit would.
        var bus = _host.Services.GetRequiredService<IBus>();
        await bus.Publish(registered, context => context.MessageId = registered.EventId);

        await Eventually.TrueAsync(
            () => Task.FromResult(_host.Deliveries.Deliveries.GetValueOrDefault(registered.EventId) >= 2),
            "the second delivery");
        await Task.Delay(300);
        Assert.Equal(1, await _host.CountAsync("effects", $"worker_id = '{registered.WorkerId}'"));
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_never_publish_an_event_twice()
    {
        const int events = 400;
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(_host.Services);
        using var stop = new CancellationTokenSource();
        var competing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await second.DispatchBatchAsync(CancellationToken.None) == 0)
                {
                    await Task.Delay(5);
                }
            }
        });

        var written = await Task.WhenAll(Enumerable.Range(0, events).Select(_ => _host.RecordAsync("race")));
        await Eventually.TrueAsync(
            async () => await _host.CountAsync("effects", "consumer = 'ProbeEffectConsumer'") >= events,
            "every event to have its effect",
            TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await competing;

        Assert.Equal(0, await _host.CountAsync("outbox_messages", "processed_at IS NULL"));
        var effects = await _host.CountAsync("effects", $"worker_id IN ({string.Join(',', written.Select(w => $"'{w.WorkerId}'"))})");
        Assert.Equal(events, effects);
        Assert.All(written, w => Assert.Equal(1, _host.Deliveries.Deliveries.GetValueOrDefault(w.EventId)));
    }

    private Task<long> EffectsOf(Guid workerId, long expected) =>
        Eventually.MatchesAsync(
            () => _host.CountAsync("effects", $"worker_id = '{workerId}'"),
            count => count == expected,
            $"{expected} effect(s) of worker {workerId}");
}
