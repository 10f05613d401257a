namespace Homeward.Registry.Application.Workers;

/// <summary>
/// The "changed since" lists of dynamic monitoring. A change is listed only once it is <see cref="SettleTime"/> old:
/// its time is taken before its transaction commits, so a list that showed the very newest changes could hand out a
/// cursor past a change that commits a moment later with an earlier time, and a client paging on would never see it.
/// A client that polls can therefore pass the newest time it has seen as the next <c>since</c> and miss nothing.
/// </summary>
public static class ChangeFeed
{
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    /// <summary>The newest time a change may have to be listed now.</summary>
    public static DateTimeOffset Horizon(TimeProvider clock) => clock.GetUtcNow() - SettleTime;
}

/// <summary>A position in a list ordered by a time and then by id: the cursor of the monitoring lists.</summary>
public readonly record struct TimedPosition(DateTimeOffset At, Guid Id);
