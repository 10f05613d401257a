using System.Collections.Concurrent;
using Homeward.Contracts;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Registry.Tests.Integration;

/// <summary>
/// Publishes other services' events onto the registry's virtual host, as their producers would (the event id is the
/// message id), and tells when the registry's consumers are done with them.
/// </summary>
public sealed class PlatformEventBus : IDisposable
{
    private readonly IBus _bus;
    private readonly Consumptions _consumptions = new();
    private readonly ConnectHandle _observer;

    public PlatformEventBus(RegistryService registry)
    {
        _bus = registry.Services.GetRequiredService<IBus>();
        _observer = _bus.ConnectConsumeObserver(_consumptions);
    }

    public Task PublishAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        _bus.Publish(integrationEvent, context => context.MessageId = integrationEvent.EventId);

    /// <summary>Publishes an event and waits until the registry has consumed it, so that the next one arrives after it.</summary>
    public async Task PublishAndWaitAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        await PublishAsync(integrationEvent);
        await ConsumedAsync(integrationEvent, deliveries: 1);
    }

    /// <summary>
    /// Waits until a consumer has finished with the event as often as it was delivered. A consumer only finishes
    /// without a fault (so the message is not on its way to the error queue) and after its transaction committed.
    /// </summary>
    public Task ConsumedAsync(IIntegrationEvent integrationEvent, int deliveries) =>
        Eventually.TrueAsync(
            () => Task.FromResult(_consumptions.Of(integrationEvent.EventId) >= deliveries),
            $"{integrationEvent.GetType().Name} {integrationEvent.EventId} to be consumed {deliveries} time(s)");

    public void Dispose() => _observer.Disconnect();

    /// <summary>Counts the successful consumptions of each message.</summary>
    private sealed class Consumptions : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _counts = new();

        public int Of(Guid messageId) => _counts.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.MessageId is { } messageId)
            {
                _counts.AddOrUpdate(messageId, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
