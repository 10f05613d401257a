namespace Homeward.BuildingBlocks.Application.Messaging;

/// <summary>
/// The correlation id of the operation in progress: set from the X-Correlation-Id header of a request or from the
/// message being consumed, and stored with every event written to the outbox so one business operation can be
/// followed across services.
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }
}
