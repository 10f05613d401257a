using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Homeward.LoadDriver;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp. <see cref="Thread.Sleep(int)"/> counts whole milliseconds, so a
/// scheduler built on it fires up to a millisecond late, and that lateness counted as the service's latency. On Linux
/// this sleeps to an absolute time on the monotonic clock instead (within the kernel's timer slack, about 50 µs) —
/// without spinning, which would take CPU from the services under test on the same two cores.
/// </summary>
internal static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static void Until(long timestamp)
    {
        var remaining = timestamp - Stopwatch.GetTimestamp();
        if (remaining <= 0)
        {
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            Thread.Sleep(Math.Max(1, (int)(remaining * 1000 / Stopwatch.Frequency)));
            return;
        }

        if (clock_gettime(ClockMonotonic, out var now) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        var target = (now.Seconds * NanosecondsPerSecond) + now.Nanoseconds + (long)(remaining * ((double)NanosecondsPerSecond / Stopwatch.Frequency));
        var request = new TimeSpec(target / NanosecondsPerSecond, target % NanosecondsPerSecond);
        // EINTR (a signal) only ends the sleep early: the caller checks the time again.
        _ = clock_nanosleep(ClockMonotonic, AbsoluteTime, in request, IntPtr.Zero);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [LibraryImport("libc")]
    private static partial int clock_nanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);
}
