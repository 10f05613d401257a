namespace Homeward.JobMatching.Domain.SkillGaps;

/// <summary>
/// The city's skill gaps were announced on <see cref="Day"/> (city calendar). One per division and day: whichever
/// instance of the service records it first announces, the others find it and do nothing.
/// </summary>
public sealed class SkillGapPublication
{
    private SkillGapPublication()
    {
    }

    public string Division { get; private set; } = string.Empty;

    public DateOnly Day { get; private set; }

    public int Gaps { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public static SkillGapPublication Record(string division, DateOnly day, int gaps, DateTimeOffset now) =>
        new() { Division = division, Day = day, Gaps = gaps, PublishedAt = now };
}
