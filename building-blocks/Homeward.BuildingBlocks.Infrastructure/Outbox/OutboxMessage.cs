namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// An integration event waiting in (or already sent from) the service's outbox. <see cref="Id"/> is the event id and
/// becomes the MassTransit MessageId; <see cref="Seq"/> gives the dispatch order.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public long Seq { get; init; }

    /// <summary>The message URN pinned on the contract, e.g. <c>urn:message:homeward:registry:worker-registered:v1</c>.</summary>
    public required string Type { get; init; }

    public required string Payload { get; init; }

    /// <summary>Trace context and correlation id of the operation that wrote the event.</summary>
    public required string Headers { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }
}
