using System.Globalization;
using Homeward.JobMatching.Domain.FollowUp;

namespace Homeward.JobMatching.Tests.Domain;

/// <summary>Check-ins come due by calendar months, the day the scheduler looks for is the next one, and none is skipped or repeated.</summary>
public sealed class FollowUpScheduleTests
{
    private static readonly int[] CheckInMonths = [1, 3, 6];

    [Theory]
    [InlineData("2026-01-31", "2026-02-27", "", "2026-02-28")]
    [InlineData("2026-01-31", "2026-02-28", "1", "2026-04-30")]
    [InlineData("2026-01-31", "2026-04-30", "1,3", "2026-07-31")]
    [InlineData("2026-05-10", "2026-11-10", "1,3,6", "")]
    [InlineData("2026-05-10", "2026-05-10", "", "2026-06-10")]
    public void A_check_in_is_due_so_many_calendar_months_after_the_start_and_the_next_is_the_first_not_yet_due(
        string start, string today, string due, string next)
    {
        var startDay = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(due, string.Join(",", FollowUpSchedule.DueBy(startDay, CheckInMonths, day)));
        Assert.Equal(next, FollowUpSchedule.NextAfter(startDay, CheckInMonths, day)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
        Assert.Equal(startDay.AddMonths(1), FollowUpSchedule.First(startDay, CheckInMonths));
    }

    [Fact]
    public void Every_day_a_check_in_comes_due_is_the_next_day_the_scheduler_looks_at_until_none_is_left()
    {
        var start = new DateOnly(2026, 1, 31);
        var looked = new List<DateOnly>();
        for (DateOnly? next = FollowUpSchedule.First(start, CheckInMonths); next is { } day; next = FollowUpSchedule.NextAfter(start, CheckInMonths, day))
        {
            looked.Add(day);
        }

        Assert.Equal(CheckInMonths.Select(months => start.AddMonths(months)), looked);
    }
}
