namespace Homeward.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Broker and consumer settings (configuration section "Messaging"; the broker URI is ConnectionStrings:RabbitMq).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Redeliveries in-process before a message goes to the endpoint's _error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quorum queues replicate across a RabbitMQ cluster; use them wherever more than one broker node runs.</summary>
    public bool QuorumQueues { get; set; }

    public int PrefetchCount { get; set; } = 32;
}
