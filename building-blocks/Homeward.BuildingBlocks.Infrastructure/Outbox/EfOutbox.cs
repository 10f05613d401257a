using System.Diagnostics;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Contracts;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Adds events to the scoped DbContext, so the caller's next SaveChanges stores them with the business change.</summary>
public sealed class EfOutbox(ServiceDbContext dbContext) : IOutbox
{
    public void Enqueue<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        var activity = Activity.Current;
        var headers = new OutboxHeaders(activity?.Id, activity?.TraceStateString, CorrelationContext.Current);
        dbContext.OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = IntegrationEventTypes.UrnFor(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, IntegrationEventTypes.SerializerOptions),
            Headers = JsonSerializer.Serialize(headers, IntegrationEventTypes.SerializerOptions),
            OccurredAt = integrationEvent.OccurredAt,
        });
    }
}
