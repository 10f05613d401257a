using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Domain.Matching;

/// <summary>
/// Vacancies of a worker that matching ranks together: those of some trades at some required levels, whose trade and
/// intention add the same points for the worker, and that ask for certificates or not. <see cref="Bound"/> is the most
/// any of them can score, so a tier whose bound cannot enter the list is never read.
/// </summary>
/// <param name="Trades">The trades of the worker's skills and wishes, each at the required levels of the tier; empty in a tier of <see cref="OtherTrades"/>.</param>
/// <param name="OtherTrades">Whether the tier holds the vacancies of every trade the worker neither has a skill in nor wants, at <see cref="OtherTradesLevels"/>.</param>
/// <param name="OtherTradesLevels">The required levels of a tier of <see cref="OtherTrades"/>; empty otherwise.</param>
/// <param name="AsksForCertificates">Whether the vacancies ask for certificates; null when the tier holds both.</param>
/// <param name="TradeAndIntentionPoints">What the trade and intention factors add for every vacancy of the tier.</param>
/// <param name="Bound">The most a vacancy of the tier can score, unrounded.</param>
public sealed record VacancyTier(
    IReadOnlyList<TradeAtLevels> Trades,
    bool OtherTrades,
    IReadOnlyList<SkillLevel> OtherTradesLevels,
    bool? AsksForCertificates,
    double TradeAndIntentionPoints,
    double Bound)
{
    /// <summary>Whether the vacancy of this trade, level and certificates falls in the tier, given the trades the worker has a skill in or wants.</summary>
    public bool Holds(string tradeCode, SkillLevel requiredLevel, bool asksForCertificates, IReadOnlyCollection<string> workerTrades) =>
        (AsksForCertificates is not { } asks || asks == asksForCertificates)
        && (OtherTrades
            ? !workerTrades.Contains(tradeCode) && OtherTradesLevels.Contains(requiredLevel)
            : Trades.Any(t => t.TradeCode == tradeCode && t.Levels.Contains(requiredLevel)));
}

/// <summary>A trade at some of the required levels.</summary>
public sealed record TradeAtLevels(string TradeCode, IReadOnlyList<SkillLevel> Levels);
