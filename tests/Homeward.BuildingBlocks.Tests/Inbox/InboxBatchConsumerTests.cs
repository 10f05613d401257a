using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Contracts.Registry;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Inbox;

/// <summary>A batch consumer applies each message once, however often it is delivered and whichever batch it lands in.</summary>
public sealed class InboxBatchConsumerTests(ProbeServers servers) : IClassFixture<ProbeServers>, IAsyncLifetime
{
    private const string Consumer = nameof(ProbeBatchEffectConsumer);

    private ProbeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri, withBatchConsumer: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_delivered_twice_at_once_has_one_effect()
    {
        var twice = NewEvent();
        var once = NewEvent();

        // Published together, the deliveries arrive within one batch's wait. MassTransit's batcher already drops a second
        // copy of a message id it is still gathering; whatever gets past it meets the inbox.
        await Task.WhenAll(PublishAsync(twice), PublishAsync(twice), PublishAsync(once));
        await Eventually.TrueAsync(
            () => Task.FromResult(_host.Deliveries.Deliveries.GetValueOrDefault(twice.EventId) >= 2),
            "both deliveries of the repeated message");

        // A later message's effect means every batch before it has been applied (one batch at a time).
        await EffectsAsync(once, expected: 1);
        var sentinel = NewEvent();
        await PublishAsync(sentinel);
        await EffectsAsync(sentinel, expected: 1);
        Assert.Equal(1, await EffectCountAsync(twice));
        Assert.Equal(1L, await _host.CountAsync("inbox_messages", $"message_id = '{twice.EventId}' AND consumer = '{Consumer}'"));
    }

    [Fact]
    public async Task A_message_applied_in_one_batch_does_nothing_when_it_comes_again_in_a_later_batch()
    {
        var first = NewEvent();
        await PublishAsync(first);
        await EffectsAsync(first, expected: 1);

        var newcomer = NewEvent();
        await Task.WhenAll(PublishAsync(first), PublishAsync(newcomer));

        // The later batch applies the newcomer; once it has, the repeated message has been through that batch too.
        await EffectsAsync(newcomer, expected: 1);
        Assert.Contains(_host.Batches.Batches, b => b.Contains(first.EventId) && b.Contains(newcomer.EventId));
        Assert.Equal(2, _host.Batches.Batches.Sum(b => b.Count(id => id == first.EventId)));
        Assert.Equal(1, await EffectCountAsync(first));
    }

    private static WorkerRegistered NewEvent() =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "张伟", "male", new DateOnly(1990, 1, 1), "419921101201");

    private Task PublishAsync(WorkerRegistered registered) =>
        _host.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);

    private async Task<long> EffectCountAsync(WorkerRegistered registered) =>
        await _host.CountAsync("effects", $"message_id = '{registered.EventId}' AND consumer = '{Consumer}'");

    private Task<long> EffectsAsync(WorkerRegistered registered, long expected) =>
        Eventually.MatchesAsync(
            () => EffectCountAsync(registered),
            count => count == expected,
            $"{expected} effect(s) of message {registered.EventId}");
}
