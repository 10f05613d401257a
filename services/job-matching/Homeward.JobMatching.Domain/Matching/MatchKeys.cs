using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Domain.Matching;

/// <summary>
/// What a worker's skills and certificates meet, as plain strings the database can compare: "welder:intermediate" is
/// met by a welder skill (or certificate) at level intermediate or higher, "welder:" by any welder certificate. A
/// requirement is met exactly when its key is among the worker's keys, the rule <see cref="Matcher"/> scores by, so
/// the database can rank pairs by it without reading the skills and certificates themselves.
/// </summary>
public static class MatchKeys
{
    private static readonly SkillLevel[] Levels = Enum.GetValues<SkillLevel>();

    /// <summary>The key of a requirement: the trade at a level, or the trade at any level when none is given.</summary>
    public static string Of(string tradeCode, SkillLevel? level) =>
        level is { } required ? $"{tradeCode}:{LevelName(required)}" : $"{tradeCode}:";

    /// <summary>How a level is written in a key (and in the JSON of a vacancy's required certificates): its name in lower case.</summary>
    public static string LevelName(SkillLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>
    /// The skill requirements the worker meets: for the first skill of each trade (the one the score reads), the trade
    /// at every level up to the skill's own. "welder:none" thus says the worker has a welder skill at all.
    /// </summary>
    public static string[] SkillsMet(IEnumerable<CandidateSkill> skills) =>
        [.. skills.DistinctBy(s => s.TradeCode).SelectMany(s => UpTo(s.TradeCode, s.Level)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The certificate requirements the worker's certificates meet: any certificate of a trade meets the trade without a
    /// level; one with a level meets every level up to its own.
    /// </summary>
    public static string[] CertificatesMet(IEnumerable<CandidateCertificate> certificates) =>
        [.. certificates
            .Where(c => c.TradeCode is not null)
            .SelectMany(c => c.Level is { } level ? UpTo(c.TradeCode!, level).Append(Of(c.TradeCode!, null)) : [Of(c.TradeCode!, null)])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The keys of a vacancy's required certificates, one per requirement in its order (a certificate asked for twice
    /// counts twice): a requirement is met exactly when its key is among the worker's <see cref="CertificatesMet"/>.
    /// </summary>
    public static string[] Required(IEnumerable<RequiredCertificate> certificates) =>
        [.. certificates.Select(c => Of(c.TradeCode, c.Level))];

    /// <summary>
    /// A wage in whole yuan, rounded up: never below the wage (up to the largest int, which meets any expectation a
    /// bound compares it with), so a ranking bound reckoned from it is never below the score reckoned from the wage.
    /// </summary>
    public static int WholeYuanAtLeast(decimal wage) => (int)decimal.Ceiling(Math.Clamp(wage, int.MinValue, int.MaxValue));

    private static IEnumerable<string> UpTo(string tradeCode, SkillLevel level) =>
        Levels.Where(l => l <= level).Select(l => Of(tradeCode, l));
}
