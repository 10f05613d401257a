namespace Homeward.Training.Domain.Demand;

/// <summary>
/// The latest skill gap job matching announced for a trade, level and division: places its open vacancies cannot fill
/// from the candidates it has. A newer announcement replaces an older one; an older one arriving late is ignored.
/// </summary>
public sealed class SkillGap
{
    private SkillGap()
    {
    }

    public string TradeCode { get; private set; } = string.Empty;

    /// <summary>SkillLevel name in camelCase, as announced.</summary>
    public string Level { get; private set; } = string.Empty;

    public string Division { get; private set; } = string.Empty;

    public int UnfilledHeadcount { get; private set; }

    public int Gap { get; private set; }

    public DateTimeOffset AsOf { get; private set; }

    public static SkillGap Announced(string tradeCode, string level, string division, int unfilledHeadcount, int gap, DateTimeOffset asOf) =>
        new() { TradeCode = tradeCode, Level = level, Division = division, UnfilledHeadcount = unfilledHeadcount, Gap = gap, AsOf = asOf };

    public void Update(int unfilledHeadcount, int gap, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
        {
            return;
        }

        UnfilledHeadcount = unfilledHeadcount;
        Gap = gap;
        AsOf = asOf;
    }
}
