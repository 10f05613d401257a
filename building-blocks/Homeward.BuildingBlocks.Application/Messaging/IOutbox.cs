using Homeward.Contracts;

namespace Homeward.BuildingBlocks.Application.Messaging;

/// <summary>
/// Queues an integration event in the service's outbox. The event is stored by the same SaveChanges that stores the
/// business change, so both commit or neither does; a background dispatcher publishes it afterwards.
/// </summary>
public interface IOutbox
{
    void Enqueue<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent;
}
