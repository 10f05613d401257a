using Homeward.JobMatching.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>How far one sector's quota of an agreement is met: the placements counted against it, and their share of it.</summary>
/// <param name="Share">Placed over the quota, four decimals; above 1 when the quota is exceeded.</param>
public sealed record QuotaFulfilmentView(string Sector, int Quota, int Placed, decimal Share);

/// <summary>
/// Counts placements against agreements' quotas. A placement counts against an agreement's quota for a sector when it
/// is cross-region into that agreement's partner city, starts within the agreement's period, and its employer's
/// industry (GB/T 4754 section) is the quota's sector. A quota is a target of the agreement, not a cap: placements past
/// it are made and counted (a share above 1). Two agreements of one city whose periods overlap each count a placement
/// that starts within both.
/// </summary>
public static class QuotaFulfilment
{
    /// <summary>Each agreement's fulfilment per quota, by agreement id.</summary>
    /// <param name="workerDivisions">Only placements of workers of these divisions (a subtree's first and last code); all when null.</param>
    public static async Task<Dictionary<Guid, IReadOnlyList<QuotaFulfilmentView>>> OfAsync(
        IJobMatchingDbContext db, IReadOnlyCollection<PartnerAgreement> agreements, (string First, string Last)? workerDivisions, CancellationToken cancellationToken)
    {
        var withQuotas = agreements.Where(a => a.Quotas.Count > 0).ToList();
        var fulfilment = agreements.ToDictionary(a => a.Id, _ => (IReadOnlyList<QuotaFulfilmentView>)[]);
        if (withQuotas.Count == 0)
        {
            return fulfilment;
        }

        var cities = withQuotas.Select(a => a.PartnerCityId).Distinct(StringComparer.Ordinal).ToList();
        var from = withQuotas.Min(a => a.ValidFrom);
        var to = withQuotas.Max(a => a.ValidTo);
        var placements = db.Placements.AsNoTracking()
            .Where(p => p.PartnerCity != null && cities.Contains(p.PartnerCity) && p.StartDate >= from && p.StartDate <= to);
        if (workerDivisions is { } subtree)
        {
            placements = placements.Where(p => string.Compare(p.WorkerDivision, subtree.First) >= 0 && string.Compare(p.WorkerDivision, subtree.Last) <= 0);
        }

        var counted = await placements
            .Join(db.Employers, p => p.EmployerId, e => e.Id, (p, e) => new { City = p.PartnerCity!, p.StartDate, Sector = e.Industry })
            .GroupBy(p => new { p.City, p.StartDate, p.Sector })
            .Select(g => new { g.Key.City, g.Key.StartDate, g.Key.Sector, Placements = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var agreement in withQuotas)
        {
            fulfilment[agreement.Id] = [.. agreement.Quotas.Select(quota =>
            {
                var placed = counted
                    .Where(c => c.City == agreement.PartnerCityId && c.Sector == quota.Sector && agreement.IsInForceOn(c.StartDate))
                    .Sum(c => c.Placements);
                return new QuotaFulfilmentView(quota.Sector, quota.Workers, placed, Math.Round((decimal)placed / quota.Workers, 4, MidpointRounding.AwayFromZero));
            })];
        }

        return fulfilment;
    }
}
