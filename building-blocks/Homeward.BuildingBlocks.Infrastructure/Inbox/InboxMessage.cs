namespace Homeward.BuildingBlocks.Infrastructure.Inbox;

/// <summary>A message a consumer has applied; its presence makes a redelivery of the same message do nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
