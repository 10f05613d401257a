using Homeward.JobMatching.Domain.FollowUp;

namespace Homeward.JobMatching.Application.FollowUp;

/// <summary>When placed workers are checked on, and how long an office has to act on a rights case.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "JobMatching:FollowUp";

    /// <summary>Months after a placement's start at which its worker's office checks in.</summary>
    public int[] CheckInMonths { get; set; } = [1, 3, 6];

    /// <summary>How often due check-ins are put in the work queues and overdue rights cases escalated.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time to act on a critical case (a worker in danger, wages withheld for months) before it goes up a level.</summary>
    public TimeSpan CriticalTimeToAct { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan HighTimeToAct { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan MediumTimeToAct { get; set; } = TimeSpan.FromDays(10);

    public TimeSpan LowTimeToAct { get; set; } = TimeSpan.FromDays(20);

    public TimeSpan TimeToAct(RightsCaseSeverity severity) => severity switch
    {
        RightsCaseSeverity.Critical => CriticalTimeToAct,
        RightsCaseSeverity.High => HighTimeToAct,
        RightsCaseSeverity.Medium => MediumTimeToAct,
        _ => LowTimeToAct,
    };

    public bool IsValid =>
        CheckInMonths.Length > 0 && CheckInMonths.All(m => m is >= 1 and <= 60) && CheckInMonths.Distinct().Count() == CheckInMonths.Length
        && Interval > TimeSpan.Zero
        && new[] { CriticalTimeToAct, HighTimeToAct, MediumTimeToAct, LowTimeToAct }.All(t => t > TimeSpan.Zero);
}
