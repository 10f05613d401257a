using Homeward.BuildingBlocks.Application.Messaging;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// The bulk writes running in this process, which the dispatcher waits for. Publishing an event costs the service, the
/// database (the row is locked, then rewritten as processed with two index entries) and the broker more than writing it
/// did; on two cores, publishing an import's 100,000 events while the import wrote them made a warm import a fifth slower
/// (the first after a start two fifths) and the events no sooner published (docs/benchmarks.md, section 17).
/// </summary>
public sealed class BulkWrites(TimeProvider clock) : IBulkWrites
{
    private readonly Lock _lock = new();
    private int _running;
    private long _runningSince;
    private TaskCompletionSource _idle = new();

    public IDisposable Begin()
    {
        lock (_lock)
        {
            if (_running++ == 0)
            {
                _runningSince = clock.GetTimestamp();
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Running(this);
    }

    /// <summary>
    /// Returns when no bulk write is running, or at once when bulk writes have been running for
    /// <paramref name="maxWait"/> without a pause.
    /// </summary>
    public async Task WaitWhileRunningAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Task idle;
        TimeSpan left;
        lock (_lock)
        {
            if (_running == 0)
            {
                return;
            }

            idle = _idle.Task;
            left = maxWait - clock.GetElapsedTime(_runningSince);
        }

        if (left <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await idle.WaitAsync(left, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Running for longer than an event may be held back: the dispatcher publishes beside it from now on.
        }
    }

    private void End()
    {
        TaskCompletionSource idle;
        lock (_lock)
        {
            if (--_running > 0)
            {
                return;
            }

            idle = _idle;
        }

        idle.TrySetResult();
    }

    private sealed class Running(BulkWrites bulkWrites) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                bulkWrites.End();
            }
        }
    }
}
