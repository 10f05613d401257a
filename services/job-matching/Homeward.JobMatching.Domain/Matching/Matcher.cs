using System.Globalization;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Domain.Matching;

/// <summary>
/// Decides whether a worker and a vacancy can be matched at all (the hard filters) and, if so, how well (the weighted
/// score), explaining every factor in plain words. Both directions of matching use it, so a pair scores the same
/// whichever side asks.
/// </summary>
public sealed class Matcher(MatchWeights weights)
{
    /// <summary>Fit of the distance between the worker's home village and the workplace, over the division tree.</summary>
    public const double SameVillage = 1.0;
    public const double SameTownship = 0.8;
    public const double SameCounty = 0.6;
    public const double SameCity = 0.4;
    public const double PartnerCity = 0.2;

    /// <summary>Fit of a skill in the trade below the required level, and of a factor the worker has told nothing about.</summary>
    public const double Partial = 0.5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly SkillLevel[] SkillLevels = Enum.GetValues<SkillLevel>();

    public MatchWeights Weights { get; } = weights;

    /// <summary>
    /// The hard filters: the worker seeks work; the vacancy is open with places left; its workplace is where the
    /// worker will work (the home county for one who must stay near family); and the worker can start, after any
    /// busy months, before the vacancy's valid-through day. Null when the pair passes; otherwise why not.
    /// </summary>
    public static string? Exclusion(Candidate candidate, Vacancy vacancy, DateOnly today)
    {
        if (candidate.Status != CandidateStatus.SeekingWork)
        {
            return "the worker is not seeking work";
        }

        if (vacancy.Status != VacancyStatus.Open || vacancy.Remaining <= 0 || vacancy.ValidThrough < today)
        {
            return "the vacancy takes no hires";
        }

        if (!LocationAcceptable(candidate, vacancy))
        {
            return "the workplace is not where the worker will work";
        }

        if (EarliestStart(candidate.Intention, today) is not { } start || start > vacancy.ValidThrough)
        {
            return "the worker is not available before the vacancy closes";
        }

        return null;
    }

    /// <summary>How far the worker will go: the home county (always, for one who must stay near family), the city, or also the partner cities.</summary>
    public static WorkLocation Reach(CandidateIntention? intention) => Candidate.ReachOf(intention);

    public static bool LocationAcceptable(Candidate candidate, Vacancy vacancy) => Reach(candidate.Intention) switch
    {
        WorkLocation.HomeCounty => !vacancy.IsCrossRegion && SameCountyCode(candidate.HouseholdDivisionCode, vacancy.Division),
        WorkLocation.City => !vacancy.IsCrossRegion,
        _ => true,
    };

    /// <summary>The first day the worker can start: not before they are available, and not in a busy month (e.g. the harvest). Null if every month is busy.</summary>
    public static DateOnly? EarliestStart(CandidateIntention? intention, DateOnly today)
    {
        var start = intention?.AvailableFrom is { } from && from > today ? from : today;
        var busy = intention?.BusyMonths ?? [];
        for (var step = 0; step < 12; step++)
        {
            if (!busy.Contains(start.Month))
            {
                return start;
            }

            start = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        }

        return null;
    }

    public MatchResult Score(Candidate candidate, Vacancy vacancy)
    {
        var unmet = new List<string>();
        var components = new List<(MatchFactor Factor, double Weight, double Fit, string Explanation)>
        {
            Trade(candidate, vacancy, unmet),
            Certificates(candidate, vacancy, unmet),
            Education(candidate, vacancy, unmet),
            Distance(candidate, vacancy),
            Wage(candidate, vacancy, unmet),
            Intention(candidate, vacancy, unmet),
        };
        var total = Weights.Total;
        var breakdown = components
            .Select(c => new ScoreComponent(c.Factor, c.Weight, Math.Round(c.Fit, 3), Math.Round(100 * c.Weight * c.Fit / total, 1), c.Explanation))
            .ToList();
        var score = Math.Round(Points(components[0].Fit, components[1].Fit, components[2].Fit, components[3].Fit, components[4].Fit, components[5].Fit), 1);
        return new MatchResult(score, breakdown, unmet);
    }

    /// <summary>
    /// The most any pair can score when the vacancy's trade is neither a skill nor a wish of the worker: no more than
    /// half the trade's points (and none when a level is required), every other factor in full, and half the
    /// intention's points at most (none when the worker names other trades). Matching ranks the pairs that share a
    /// trade first and reads the others only when one of them could still enter the list.
    /// </summary>
    /// <param name="requiredLevel">The vacancy's required level, or null when the pairs span vacancies of any level.</param>
    /// <param name="namesOtherTrades">Whether the worker is known to name trades they want (all of them other than the vacancy's).</param>
    public double UpperBoundOutsideTrades(SkillLevel? requiredLevel, bool namesOtherTrades) =>
        Points(TradeFit(null, requiredLevel ?? SkillLevel.None), 1, 1, 1, 1, namesOtherTrades ? 0 : Partial);

    /// <summary>The score of a pair that fits in every factor: no pair scores more.</summary>
    public double HighestScore => Points(1, 1, 1, 1, 1, 1);

    /// <summary>
    /// How matching splits the worker's vacancies for ranking, best bound first. The vacancies of the worker's trades fall
    /// into tiers by what the trade and intention factors add (fixed by the trade and the required level) and, when the
    /// worker holds no certificate, by whether they ask for certificates; those of every other trade into two tiers by
    /// whether they require a level. A tier's bound is its trade and intention points with every other factor in full,
    /// except the certificates' when its vacancies ask for some and the worker holds none. Matching reads a tier only
    /// while one of its vacancies could still enter the list: most lists are final within the best few of the first tier.
    /// </summary>
    public IReadOnlyList<VacancyTier> VacancyTiers(Candidate candidate)
    {
        var holdsCertificates = MatchKeys.CertificatesMet(candidate.Certificates).Length > 0;
        var tiers = new List<VacancyTier>();
        var cells = candidate.TradeCodes
            .SelectMany(trade => SkillLevels.Select(level => (
                Trade: trade,
                Level: level,
                TradeFit: TradeFit(SkillIn(candidate, trade)?.Level, level),
                IntentionFit: IntentionFit(candidate.Intention, trade))))
            .GroupBy(cell => (cell.TradeFit, cell.IntentionFit));
        foreach (var fits in cells)
        {
            IReadOnlyList<TradeAtLevels> trades =
                [.. fits.GroupBy(cell => cell.Trade).Select(trade => new TradeAtLevels(trade.Key, [.. trade.Select(cell => cell.Level)]))];
            var points = Points(fits.Key.TradeFit, 0, 0, 0, 0, fits.Key.IntentionFit);
            var bound = Points(fits.Key.TradeFit, 1, 1, 1, 1, fits.Key.IntentionFit);
            if (holdsCertificates)
            {
                // Apart, both halves would have the same bound: one statement reads them together.
                tiers.Add(new VacancyTier(trades, false, [], null, points, bound));
            }
            else
            {
                tiers.Add(new VacancyTier(trades, false, [], false, points, bound));
                tiers.Add(new VacancyTier(trades, false, [], true, points, Points(fits.Key.TradeFit, 0, 1, 1, 1, fits.Key.IntentionFit)));
            }
        }

        var otherIntentionFit = candidate.Intention is { Trades.Count: > 0 } ? 0 : Partial;
        foreach (var levels in SkillLevels.GroupBy(level => TradeFit(null, level)))
        {
            tiers.Add(new VacancyTier(
                [], true, [.. levels], null, Points(levels.Key, 0, 0, 0, 0, otherIntentionFit), Points(levels.Key, 1, 1, 1, 1, otherIntentionFit)));
        }

        return [.. tiers.OrderByDescending(tier => tier.Bound)];
    }

    /// <summary>What a factor of this weight adds to the score at a fit of 1, out of 100.</summary>
    public double PointsAtFullFit(double weight) => 100 * weight / Weights.Total;

    /// <summary>
    /// The highest score, in tenths, that a pair whose score is at most <paramref name="bound"/> can show once rounded:
    /// pairs ranked by it and then by id are scored in the order in which they could enter a list.
    /// </summary>
    public static int RankOf(double bound) => (int)Math.Floor((bound + BoundSlack) * 10);

    /// <summary>A rounded score in tenths, to compare with <see cref="RankOf"/>.</summary>
    public static int TenthsOf(double score) => (int)Math.Round(score * 10);

    /// <summary>
    /// The score <see cref="Score"/> gives the pair, without its breakdown and words: for ranking many pairs, of which
    /// only the few listed are explained.
    /// </summary>
    public double ScoreValue(Candidate candidate, Vacancy vacancy) =>
        Math.Round(
            Points(
                TradeFit(SkillIn(candidate, vacancy.TradeCode)?.Level, vacancy.RequiredLevel),
                CertificatesFit(candidate, vacancy),
                EducationFit(candidate.Education, vacancy.MinimumEducation),
                DistanceFit(candidate.HouseholdDivisionCode, vacancy.Division, vacancy.IsCrossRegion),
                WageFit(candidate.Intention?.MinimumMonthlyWage, vacancy.WageMax),
                IntentionFit(candidate.Intention, vacancy.TradeCode)),
            1);

    /// <summary>
    /// How far above an unrounded bound a rounded score may lie: the score is rounded to one decimal, and a bound summed
    /// elsewhere (in the database) may differ from the score's sum in the last bits.
    /// </summary>
    public const double BoundSlack = 0.05 + 1e-6;

    /// <summary>The weighted sum of the factors' fits on a 0–100 scale, in the order of the breakdown.</summary>
    private double Points(double trade, double certificates, double education, double distance, double wage, double intention)
    {
        var total = Weights.Total;
        return (100 * Weights.Trade * trade / total)
            + (100 * Weights.Certificates * certificates / total)
            + (100 * Weights.Education * education / total)
            + (100 * Weights.Distance * distance / total)
            + (100 * Weights.Wage * wage / total)
            + (100 * Weights.Intention * intention / total);
    }

    private static CandidateSkill? SkillIn(Candidate candidate, string tradeCode) =>
        candidate.Skills.FirstOrDefault(s => s.TradeCode == tradeCode);

    private static bool Holds(Candidate candidate, RequiredCertificate required) =>
        candidate.Certificates.Any(c => c.TradeCode == required.TradeCode && (required.Level is null || c.Level >= required.Level));

    private static double CertificatesFit(Candidate candidate, Vacancy vacancy) =>
        vacancy.RequiredCertificates.Count == 0
            ? 1
            : (double)vacancy.RequiredCertificates.Count(required => Holds(candidate, required)) / vacancy.RequiredCertificates.Count;

    private static double TradeFit(SkillLevel? level, SkillLevel required) =>
        level is { } held ? (held >= required ? 1 : Partial) : required == SkillLevel.None ? Partial : 0;

    private static double EducationFit(EducationLevel? education, EducationLevel? minimum) =>
        minimum is not { } required ? 1 : education is not { } held ? Partial : held >= required ? 1 : 0;

    private static double DistanceFit(string home, string division, bool crossRegion) =>
        crossRegion ? PartnerCity
        : home == division ? SameVillage
        : SamePrefix(home, division, 9) ? SameTownship
        : SameCountyCode(home, division) ? SameCounty
        : SamePrefix(home, division, 4) ? SameCity
        : 0.0;

    private static double WageFit(decimal? expected, decimal wageMax) =>
        expected is not { } minimum || minimum <= 0 || wageMax >= minimum ? 1 : (double)(wageMax / minimum);

    private static double IntentionFit(CandidateIntention? intention, string tradeCode) =>
        intention is not { Trades.Count: > 0 } wanted ? Partial : wanted.Trades.Contains(tradeCode) ? 1 : 0;

    private (MatchFactor, double, double, string) Trade(Candidate candidate, Vacancy vacancy, List<string> unmet)
    {
        var trade = TradeWords(vacancy.TradeCode);
        var skill = SkillIn(candidate, vacancy.TradeCode);
        double fit;
        string explanation;
        if (skill is not null && skill.Level >= vacancy.RequiredLevel)
        {
            (fit, explanation) = (1, $"has {trade} skill at level {LevelWords(skill.Level)}");
        }
        else if (skill is not null)
        {
            (fit, explanation) = (Partial, $"has {trade} skill at level {LevelWords(skill.Level)}, below the required {LevelWords(vacancy.RequiredLevel)}");
            unmet.Add($"needs {trade} skill at level {LevelWords(vacancy.RequiredLevel)} (has {LevelWords(skill.Level)})");
        }
        else if (vacancy.RequiredLevel == SkillLevel.None)
        {
            (fit, explanation) = (Partial, $"no {trade} skill recorded; the vacancy requires none");
        }
        else
        {
            (fit, explanation) = (0, $"no {trade} skill recorded");
            unmet.Add($"needs {trade} skill at level {LevelWords(vacancy.RequiredLevel)}");
        }

        return (MatchFactor.Trade, Weights.Trade, fit, explanation);
    }

    private (MatchFactor, double, double, string) Certificates(Candidate candidate, Vacancy vacancy, List<string> unmet)
    {
        if (vacancy.RequiredCertificates.Count == 0)
        {
            return (MatchFactor.Certificates, Weights.Certificates, 1, "no certificate required");
        }

        var held = 0;
        foreach (var required in vacancy.RequiredCertificates)
        {
            if (Holds(candidate, required))
            {
                held++;
            }
            else
            {
                unmet.Add(required.Level is { } level
                    ? $"needs {Article(TradeWords(required.TradeCode))} certificate, level {LevelWords(level)}"
                    : $"needs {Article(TradeWords(required.TradeCode))} certificate");
            }
        }

        var fit = (double)held / vacancy.RequiredCertificates.Count;
        return (MatchFactor.Certificates, Weights.Certificates, fit, $"holds {held} of {vacancy.RequiredCertificates.Count} required certificates");
    }

    private (MatchFactor, double, double, string) Education(Candidate candidate, Vacancy vacancy, List<string> unmet)
    {
        if (vacancy.MinimumEducation is not { } minimum)
        {
            return (MatchFactor.Education, Weights.Education, 1, "no minimum education");
        }

        if (candidate.Education is not { } education)
        {
            unmet.Add($"needs {EducationWords(minimum)} or higher (education not recorded)");
            return (MatchFactor.Education, Weights.Education, Partial, "education not recorded");
        }

        if (education >= minimum)
        {
            return (MatchFactor.Education, Weights.Education, 1, $"{EducationWords(education)} meets {EducationWords(minimum)}");
        }

        unmet.Add($"needs {EducationWords(minimum)} or higher (has {EducationWords(education)})");
        return (MatchFactor.Education, Weights.Education, 0, $"{EducationWords(education)} is below {EducationWords(minimum)}");
    }

    private (MatchFactor, double, double, string) Distance(Candidate candidate, Vacancy vacancy)
    {
        var home = candidate.HouseholdDivisionCode;
        var (fit, explanation) = vacancy.IsCrossRegion
            ? (PartnerCity, $"in partner city {vacancy.PartnerCity}")
            : home == vacancy.Division ? (SameVillage, "in the worker's village")
            : SamePrefix(home, vacancy.Division, 9) ? (SameTownship, "in the worker's township")
            : SameCountyCode(home, vacancy.Division) ? (SameCounty, "in the worker's county")
            : SamePrefix(home, vacancy.Division, 4) ? (SameCity, "in the worker's city")
            : (0.0, "outside the worker's city");
        return (MatchFactor.Distance, Weights.Distance, fit, explanation);
    }

    private (MatchFactor, double, double, string) Wage(Candidate candidate, Vacancy vacancy, List<string> unmet)
    {
        if (candidate.Intention?.MinimumMonthlyWage is not { } expected || expected <= 0)
        {
            return (MatchFactor.Wage, Weights.Wage, 1, "no wage expectation recorded");
        }

        if (vacancy.WageMax >= expected)
        {
            return (MatchFactor.Wage, Weights.Wage, 1, string.Create(Invariant, $"pays up to ¥{vacancy.WageMax:N2}, meeting the expected ¥{expected:N2}"));
        }

        unmet.Add(string.Create(Invariant, $"pays at most ¥{vacancy.WageMax:N2} a month, below the expected ¥{expected:N2}"));
        return (MatchFactor.Wage, Weights.Wage, (double)(vacancy.WageMax / expected), string.Create(Invariant, $"pays up to ¥{vacancy.WageMax:N2}, below the expected ¥{expected:N2}"));
    }

    private (MatchFactor, double, double, string) Intention(Candidate candidate, Vacancy vacancy, List<string> unmet)
    {
        var trade = TradeWords(vacancy.TradeCode);
        if (candidate.Intention is not { Trades.Count: > 0 } intention)
        {
            return (MatchFactor.Intention, Weights.Intention, Partial, "no preferred trades recorded");
        }

        if (intention.Trades.Contains(vacancy.TradeCode))
        {
            return (MatchFactor.Intention, Weights.Intention, 1, $"wants to work as {Article(trade)}");
        }

        unmet.Add($"{trade} is not among the trades the worker wants");
        return (MatchFactor.Intention, Weights.Intention, 0, $"{trade} is not among the trades the worker wants");
    }

    private static bool SameCountyCode(string left, string right) => SamePrefix(left, right, 6);

    private static bool SamePrefix(string left, string right, int digits) =>
        left.Length >= digits && right.Length >= digits && left.AsSpan(0, digits).SequenceEqual(right.AsSpan(0, digits));

    /// <summary>A trade as words: its English name in lower case ("welder"), or its code when the reference data lacks it.</summary>
    public static string TradeWords(string tradeCode) =>
        TradeCatalog.Current.Find(tradeCode) is { } trade ? trade.EnglishName.ToLowerInvariant() : tradeCode;

    public static string LevelWords(SkillLevel level) => level.ToString().ToLowerInvariant();

    public static string EducationWords(EducationLevel education) => education switch
    {
        EducationLevel.None => "no schooling",
        EducationLevel.Primary => "primary school",
        EducationLevel.JuniorHigh => "junior high school",
        EducationLevel.SeniorHigh => "senior high school",
        EducationLevel.SecondaryVocational => "secondary vocational school",
        EducationLevel.JuniorCollege => "junior college",
        EducationLevel.Bachelor => "a bachelor's degree",
        _ => "a postgraduate degree",
    };

    private static string Article(string words) => "aeiou".Contains(words[0], StringComparison.Ordinal) ? $"an {words}" : $"a {words}";
}
