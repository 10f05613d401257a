using Homeward.BuildingBlocks.Application.Messaging;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// The bulk writes running in this process, which the dispatcher waits for. Publishing an event costs the service, the
/// database (the row is locked, then rewritten as processed with two index entries) and the broker more than writing it
/// did; on two cores, publishing an import's 100,000 events while the import wrote them made a warm import a fifth slower
/// (the first after a start two fifths) and the events no sooner published (docs/benchmarks.md, section 17).
/// </summary>
public sealed class BulkWrites : IBulkWrites
{
    private readonly Lock _lock = new();
    private int _running;
    private TaskCompletionSource _idle = new();

    public IDisposable Begin()
    {
        lock (_lock)
        {
            if (_running++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Running(this);
    }

    /// <summary>Returns once no bulk write runs, or after <paramref name="maxWait"/>, whichever comes first.</summary>
    public async Task WaitWhileRunningAsync(TimeSpan maxWait, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task idle;
        lock (_lock)
        {
            if (_running == 0)
            {
                return;
            }

            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(maxWait, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Waited long enough: the dispatcher publishes beside the bulk writes.
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
