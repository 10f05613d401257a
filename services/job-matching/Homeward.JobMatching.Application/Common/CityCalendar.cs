namespace Homeward.JobMatching.Application.Common;

/// <summary>
/// Calendar dates (valid-through, start dates) are dates of the city, which keeps China Standard Time (UTC+8, no
/// daylight saving): a vacancy valid through a day is open until that day ends there, not in UTC.
/// </summary>
public static class CityCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
