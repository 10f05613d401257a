namespace Homeward.SharedKernel;

/// <summary>
/// Calendar dates (start dates, completion days, valid-through days) are dates of the city, which keeps China Standard
/// Time (UTC+8, no daylight saving): from 16:00 UTC the city is already on the next day. Services, the demo city and
/// tests that hand the platform a date take it from here, not from UTC.
/// </summary>
public static class CityCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);
}
