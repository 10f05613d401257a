using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// Ranks, in the database, every pair that passes the hard filters the database can apply, by the most each could
/// score: its score as <see cref="Matcher"/> reckons it from plain columns. The caller then loads and scores in full
/// only the best few, in <see cref="RankedId.Rank"/> order (then by id), until none left could enter its list.
/// </summary>
public interface IMatchRanking
{
    /// <summary>Open vacancies of the tier with places, valid until the worker can start, where the worker will work; a page of them, best first.</summary>
    Task<IReadOnlyList<RankedId>> RankVacanciesAsync(VacancyRanking ranking, VacancyTier tier, RankingPage page, CancellationToken cancellationToken);

    /// <summary>
    /// Registered candidates seeking work, of the division range, who will work where the vacancy is, and who have or
    /// want the vacancy's trade (or, when not <paramref name="sharesTrade"/>, the others); a page of them, best first.
    /// </summary>
    Task<IReadOnlyList<RankedId>> RankCandidatesAsync(CandidateRanking ranking, bool sharesTrade, RankingPage page, CancellationToken cancellationToken);
}

/// <param name="Bound">The most the pair can score, unrounded.</param>
/// <param name="Rank">The highest rounded score the pair can show, in tenths (<see cref="Matcher.RankOf"/>).</param>
public readonly record struct RankedId(Guid Id, double Bound, int Rank);

public readonly record struct RankingPage(int Offset, int Count);

/// <summary>What ranking a worker's vacancies reads of the worker (the vacancies' side is in their columns).</summary>
/// <param name="TradeCodes">The trades the worker has a skill in or wants.</param>
/// <param name="CanStart">The worker's earliest start: vacancies valid until then or later.</param>
/// <param name="HomeCountyOnly">Only vacancies in the city whose division starts with the home county's code.</param>
/// <param name="CityOnly">Only vacancies in the city.</param>
public sealed record VacancyRanking(
    Matcher Matcher,
    string HouseholdDivision,
    IReadOnlyList<string> TradeCodes,
    IReadOnlyList<string> CertificateKeys,
    EducationLevel? Education,
    decimal? MinimumWage,
    DateOnly CanStart,
    bool HomeCountyOnly,
    bool CityOnly);

/// <summary>What ranking a vacancy's candidates reads of the vacancy (the candidates' side is in their columns).</summary>
/// <param name="DivisionFirst">The lowest household division code of the caller's division.</param>
/// <param name="DivisionLast">The highest household division code of the caller's division.</param>
public sealed record CandidateRanking(
    Matcher Matcher,
    string TradeCode,
    SkillLevel RequiredLevel,
    IReadOnlyList<RequiredCertificate> RequiredCertificates,
    EducationLevel? MinimumEducation,
    string Division,
    bool CrossRegion,
    decimal WageMax,
    string DivisionFirst,
    string DivisionLast);
