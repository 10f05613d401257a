namespace Homeward.JobMatching.Domain.FollowUp;

/// <summary>
/// When a placement's check-ins come due: <c>m</c> months after the start, by calendar months as
/// <see cref="DateOnly.AddMonths"/> counts them (a start on 31 January is due on the last day of February).
/// </summary>
public static class FollowUpSchedule
{
    public static DateOnly DueOn(DateOnly start, int monthsAfterStart) => start.AddMonths(monthsAfterStart);

    /// <summary>The check-ins (months after the start) that have come due by <paramref name="today"/>.</summary>
    public static IEnumerable<int> DueBy(DateOnly start, IEnumerable<int> checkInMonths, DateOnly today) =>
        checkInMonths.Where(months => DueOn(start, months) <= today);

    /// <summary>The day the next check-in after <paramref name="today"/> comes due; null when none is left.</summary>
    public static DateOnly? NextAfter(DateOnly start, IEnumerable<int> checkInMonths, DateOnly today) =>
        checkInMonths.Select(months => DueOn(start, months)).Where(due => due > today).Order().Cast<DateOnly?>().FirstOrDefault();

    /// <summary>The day the first check-in comes due, whenever that is.</summary>
    public static DateOnly First(DateOnly start, IEnumerable<int> checkInMonths) => DueOn(start, checkInMonths.Min());
}
