namespace Homeward.SharedKernel;

/// <summary>
/// Calendar dates (start dates, completion days, valid-through days) are dates of the city, which keeps China Standard
/// Time (UTC+8, no daylight saving): from 16:00 UTC the city is already on the next day. Services, the demo city and
/// tests that hand the platform a date take it from here, not from UTC.
/// </summary>
public static class CityCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same calendar for PostgreSQL's date functions: China has kept UTC+8, without daylight saving, since 1991.</summary>
    public const string TimeZone = "Asia/Shanghai";

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);

    /// <summary>
    /// The instant a city date begins, its midnight in China Standard Time, given in UTC (16:00 the day before), as
    /// PostgreSQL's timestamptz parameters require.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>
    /// The instant a city date ends, exclusive: the start of the next. A period of whole days "from .. to, both inclusive"
    /// is the instants from <c>StartOf(from)</c> up to, not including, <c>EndOf(to)</c>.
    /// </summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    /// <summary>Whether an instant is the very start of a city date (as dates turned into times are).</summary>
    public static bool IsStartOfDay(DateTimeOffset moment) => moment == StartOf(DayOf(moment));
}
