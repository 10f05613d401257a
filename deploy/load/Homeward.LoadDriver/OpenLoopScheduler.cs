using System.Diagnostics;

namespace Homeward.LoadDriver;

/// <summary>
/// Fires events at a fixed rate whatever the system under test does (open loop): event i is due at start + i / rate,
/// and a slow response never delays the next event, so a saturated service shows up as growing latency and a falling
/// achieved rate instead of being hidden by a client that politely waits (coordinated omission). Runs on its own
/// thread so that busy thread-pool threads (response handling) cannot hold the schedule back.
/// </summary>
public static class OpenLoopScheduler
{
    /// <param name="fire">Called on the scheduler thread with the event index and its due timestamp; must not block.</param>
    /// <returns>How late events were fired behind their due time, in milliseconds (one value per event).</returns>
    public static Task<double[]> RunAsync(double rate, int count, Action<int, long> fire, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<double[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(Run(rate, count, fire, cancellationToken));
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "open-loop scheduler",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return completion.Task;
    }

    private static double[] Run(double rate, int count, Action<int, long> fire, CancellationToken cancellationToken)
    {
        var lateness = new double[count];
        var ticksPerEvent = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            while (next < count)
            {
                var due = start + (long)(next * ticksPerEvent);
                if (due > now)
                {
                    break;
                }

                lateness[next] = (now - due) * 1000.0 / Stopwatch.Frequency;
                fire(next, due);
                next++;
            }

            if (next < count)
            {
                MonotonicSleep.Until(start + (long)(next * ticksPerEvent));
            }
        }

        return lateness;
    }
}
