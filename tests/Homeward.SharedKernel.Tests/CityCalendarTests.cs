namespace Homeward.SharedKernel.Tests;

public sealed class CityCalendarTests
{
    [Fact]
    public void From_sixteen_hundred_UTC_the_city_is_on_the_next_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 29), CityCalendar.DayOf(new DateTimeOffset(2026, 11, 29, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 30), CityCalendar.DayOf(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 30), new FixedClock(new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero)).Today());
    }

    [Fact]
    public void A_city_date_starts_at_its_midnight_in_China_given_in_UTC()
    {
        var start = CityCalendar.StartOf(new DateOnly(2026, 12, 1));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateOnly(2026, 12, 1), CityCalendar.DayOf(start));
        Assert.Equal(new DateOnly(2026, 11, 30), CityCalendar.DayOf(start.AddTicks(-1)));
    }

    [Fact]
    public void A_city_date_ends_where_the_next_begins()
    {
        var end = CityCalendar.EndOf(new DateOnly(2026, 11, 30));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), end);
        Assert.Equal(CityCalendar.StartOf(new DateOnly(2026, 12, 1)), end);
        Assert.Equal(new DateOnly(2026, 11, 30), CityCalendar.DayOf(end.AddTicks(-1)));
    }

    [Fact]
    public void Only_a_city_midnight_is_the_start_of_a_day()
    {
        Assert.True(CityCalendar.IsStartOfDay(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.True(CityCalendar.IsStartOfDay(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(CityCalendar.IsStartOfDay(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
