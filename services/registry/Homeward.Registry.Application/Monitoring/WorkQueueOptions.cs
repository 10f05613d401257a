namespace Homeward.Registry.Application.Monitoring;

/// <summary>Settings of the offices' work queues (configuration section <see cref="Section"/>).</summary>
public sealed class WorkQueueOptions
{
    public const string Section = "Registry:WorkQueue";

    /// <summary>A record nobody confirmed for this many days is stale and due for a visit.</summary>
    public int StaleAfterDays { get; set; } = 180;
}
