namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Outbox dispatch and housekeeping settings (configuration section "Outbox").</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows locked and published per pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks without a wake-up signal (rows written by other processes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the dispatcher waits for bulk writes (<see cref="BulkWrites"/>) before publishing beside them, in all
    /// until it has caught up with the outbox again: events of the service's other writes wait for bulk writes, however
    /// many follow one another, for at most this long.
    /// </summary>
    public TimeSpan MaxWaitForBulkWrites { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A publish that has not been confirmed by the broker within this time counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay after a failed publish; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the backlog gauge is refreshed.</summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Above this age of the oldest pending event the readiness check reports the service degraded.</summary>
    public TimeSpan BacklogAgeWarning { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Published rows are kept this long for inspection before cleanup deletes them.</summary>
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Must exceed the longest time a message can wait in a queue or error queue before being redriven.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(1);
}
