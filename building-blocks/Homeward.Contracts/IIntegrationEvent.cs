using MassTransit;

namespace Homeward.Contracts;

/// <summary>
/// A fact one service publishes for the others. Events carry ids and the facts consumers need, never a national ID
/// number or a phone number. Evolve a contract only by adding members; a breaking change is a new type (…V2).
/// </summary>
[ExcludeFromTopology]
public interface IIntegrationEvent
{
    /// <summary>Unique per event; also the message id on the bus, so consumers can drop duplicates.</summary>
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
