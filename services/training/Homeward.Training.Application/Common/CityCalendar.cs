namespace Homeward.Training.Application.Common;

/// <summary>Calendar dates are dates of the city, which keeps China Standard Time (UTC+8, no daylight saving).</summary>
public static class CityCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);
}
