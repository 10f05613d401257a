using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.JobMatching;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Trades;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.SkillGaps;

/// <param name="Certificates">Each "tradeCode" or "tradeCode:level", sorted.</param>
/// <param name="Gap">Unfilled places minus the qualified candidates, never below zero.</param>
public sealed record SkillGap(
    string TradeCode,
    SkillLevel Level,
    IReadOnlyList<string> Certificates,
    int OpenVacancies,
    int UnfilledHeadcount,
    int QualifiedCandidates,
    int Gap);

/// <summary>
/// Unfilled places of the open vacancies of a division, grouped by what they require (trade, level, certificates),
/// against the candidates of the division seeking work who meet that requirement: a skill in the trade at the level
/// or higher, and every certificate. Only candidates with the trade as a skill are read (a GIN index), once per trade.
/// </summary>
public static class SkillGapReport
{
    public static async Task<IReadOnlyList<SkillGap>> ComputeAsync(IJobMatchingDbContext db, DivisionCode division, DateOnly today, CancellationToken cancellationToken)
    {
        var (first, last) = division.SubtreeRange;
        var vacancies = await db.Vacancies.AsNoTracking()
            .Where(v => string.Compare(v.Division, first) >= 0 && string.Compare(v.Division, last) <= 0)
            .Where(v => v.Status == VacancyStatus.Open && v.Filled < v.Headcount && v.ValidThrough >= today)
            .ToListAsync(cancellationToken);
        var groups = vacancies
            .GroupBy(v => (v.TradeCode, v.RequiredLevel, Certificates: string.Join(",", CertificateKeys(v.RequiredCertificates))))
            .ToList();
        var gaps = new List<SkillGap>();
        foreach (var byTrade in groups.GroupBy(g => g.Key.TradeCode))
        {
            var trade = new[] { byTrade.Key };
            var holders = await db.Candidates.AsNoTracking()
                .Where(c => string.Compare(c.HouseholdDivisionCode, first) >= 0 && string.Compare(c.HouseholdDivisionCode, last) <= 0)
                .Where(c => c.Status == CandidateStatus.SeekingWork && c.RegisteredAt != null && c.TradeCodes.Any(t => trade.Contains(t)))
                .Select(c => new { c.Skills, c.Certificates })
                .ToListAsync(cancellationToken);
            foreach (var group in byTrade)
            {
                var requirement = group.First();
                var qualified = holders.Count(h =>
                    h.Skills.Any(s => s.TradeCode == requirement.TradeCode && s.Level >= requirement.RequiredLevel)
                    && requirement.RequiredCertificates.All(r => h.Certificates.Any(c => c.TradeCode == r.TradeCode && (r.Level is null || c.Level >= r.Level))));
                var unfilled = group.Sum(v => v.Remaining);
                gaps.Add(new SkillGap(
                    requirement.TradeCode,
                    requirement.RequiredLevel,
                    CertificateKeys(requirement.RequiredCertificates),
                    group.Count(),
                    unfilled,
                    qualified,
                    Math.Max(0, unfilled - qualified)));
            }
        }

        return [.. gaps.OrderByDescending(g => g.Gap).ThenBy(g => g.TradeCode, StringComparer.Ordinal).ThenBy(g => g.Level)];
    }

    /// <summary>Queues a SkillGapIdentified for every gap; the caller's SaveChanges stores them.</summary>
    public static void Announce(IOutbox outbox, IEnumerable<SkillGap> gaps, DivisionCode division, DateTimeOffset now)
    {
        foreach (var gap in gaps.Where(g => g.Gap > 0))
        {
            outbox.Enqueue(new SkillGapIdentified(
                Guid.CreateVersion7(now), now, gap.TradeCode, EnumNames.Of(gap.Level), gap.Certificates, division.Value, gap.UnfilledHeadcount, gap.QualifiedCandidates, gap.Gap));
        }
    }

    private static List<string> CertificateKeys(IEnumerable<RequiredCertificate> certificates) =>
        [.. certificates.Select(c => c.Level is { } level ? $"{c.TradeCode}:{EnumNames.Of(level)}" : c.TradeCode).Distinct().Order(StringComparer.Ordinal)];
}
