namespace Homeward.SharedKernel.Trades;

/// <summary>
/// Skill level in a trade, ordered so that a higher value satisfies a lower requirement. The certified levels match
/// the vocational skill level certificates: junior (五级), intermediate (四级), senior (三级), technician (二级).
/// </summary>
public enum SkillLevel
{
    None = 0,
    Junior = 1,
    Intermediate = 2,
    Senior = 3,
    Technician = 4,
}
