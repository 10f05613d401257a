namespace Homeward.BuildingBlocks.Infrastructure.Messaging;

public static class MessagingHeaders
{
    /// <summary>Carries the correlation id of the originating request on every message.</summary>
    public const string CorrelationId = "X-Correlation-Id";
}
