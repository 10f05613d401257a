using System.Diagnostics.Metrics;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Backlog size and age of the outbox, plus publish counts, as OpenTelemetry metrics.</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Homeward.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private OutboxBacklog _backlog = new(0, null);

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableGauge("homeward.outbox.pending", () => _backlog.Pending, "{message}", "Events stored but not yet published.");
        _meter.CreateObservableGauge(
            "homeward.outbox.oldest_pending_age",
            () => _backlog.OldestPendingAge?.TotalSeconds ?? 0,
            "s",
            "Age of the oldest event not yet published.");
        _published = _meter.CreateCounter<long>("homeward.outbox.published", "{message}", "Events published to the broker.");
        _failed = _meter.CreateCounter<long>("homeward.outbox.publish_failures", "{message}", "Publish attempts that failed and will be retried.");
    }

    public OutboxBacklog Backlog => _backlog;

    public void Record(OutboxBacklog backlog) => _backlog = backlog;

    public void Published(int count) => _published.Add(count);

    public void Failed(int count) => _failed.Add(count);

    public void Dispose() => _meter.Dispose();
}

/// <summary>How many events wait to be published and how long the oldest has waited.</summary>
public sealed record OutboxBacklog(long Pending, TimeSpan? OldestPendingAge);
