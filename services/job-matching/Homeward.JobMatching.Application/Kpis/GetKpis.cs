using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Kpis;

/// <summary>
/// Job matching's figures for a division within the caller's (the caller's own when not given), as the speech reports
/// them. The period runs from <see cref="From"/> to <see cref="To"/> (today when left out), whole days of the city
/// (China Standard Time), both inclusive, like the registry's figures so that the two line up.
/// <list type="bullet">
/// <item>Recommended: distinct workers of the division (by household village) first recommended a job in the period.</item>
/// <item>Placed among them: those with a placement recorded after their first recommendation, at any time up to now,
/// whether from that recommendation or not (DOMAIN.md: recommended workers later placed).</item>
/// <item>Employment rate: placed ÷ recommended.</item>
/// <item>Placements: those starting in the period, local (workplace in the city) and cross-region (in a partner city),
/// the local share, and the mean agreed monthly wage.</item>
/// <item>Open and unfilled headcount by trade: open vacancies of the division now (workplace, or the office looking
/// after a partner-city employer), their headcount and the places not yet filled.</item>
/// </list>
/// Rates are rounded to four decimals and are null when their denominator is zero.
/// </summary>
public sealed record GetKpis(string? Division, DateOnly? From, DateOnly? To) : IQuery<KpiView>;

public sealed record KpiView(
    string Division,
    DateOnly? From,
    DateOnly To,
    int WorkersRecommended,
    int WorkersPlacedAmongRecommended,
    decimal? EmploymentRate,
    PlacementFigures Placements,
    IReadOnlyList<TradeHeadcount> OpenHeadcountByTrade);

public sealed record PlacementFigures(int Total, int Local, int CrossRegion, decimal? LocalShare, decimal? MeanMonthlyWage);

public sealed record TradeHeadcount(string TradeCode, int OpenHeadcount, int Unfilled);

public sealed class GetKpisValidator : AbstractValidator<GetKpis>
{
    public GetKpisValidator()
    {
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _))
            .When(q => q.Division is not null)
            .WithMessage(DivisionFilter.Message);
        RuleFor(q => q.To).Must((q, to) => q.From <= to)
            .When(q => q.From is not null && q.To is not null)
            .WithMessage("The period ends on or after it begins.");
    }
}

public sealed class GetKpisHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetKpis, KpiView>
{
    public async ValueTask<KpiView> Handle(GetKpis query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);
        var (first, last) = division.SubtreeRange;
        var to = query.To ?? clock.Today();
        var start = query.From is { } from ? CityCalendar.StartOf(from) : DateTimeOffset.MinValue;
        var end = CityCalendar.EndOf(to);

        var firstRecommendations = db.Recommendations.AsNoTracking()
            .Where(r => string.Compare(r.WorkerDivision, first) >= 0 && string.Compare(r.WorkerDivision, last) <= 0)
            .GroupBy(r => r.WorkerId)
            .Select(g => new { WorkerId = g.Key, First = g.Min(r => r.RecommendedAt) })
            .Where(f => f.First >= start && f.First < end);
        // A worker was placed after the first recommendation when their latest placement was recorded on or after it:
        // one pass joining two aggregates, rather than a second grouping of the recommendations with a probe of the
        // placements per recommended worker.
        var latestPlacements = db.Placements.AsNoTracking()
            .GroupBy(p => p.WorkerId)
            .Select(g => new { WorkerId = g.Key, Latest = g.Max(p => p.RecordedAt) });
        var recommendedAndPlaced = await (
                from f in firstRecommendations
                join l in latestPlacements on f.WorkerId equals l.WorkerId into latest
                from l in latest.DefaultIfEmpty()
                select new { f.First, Latest = (DateTimeOffset?)l.Latest })
            .GroupBy(_ => 1)
            .Select(g => new { Recommended = g.Count(), Placed = g.Count(x => x.Latest >= x.First) })
            .FirstOrDefaultAsync(cancellationToken);
        var recommended = recommendedAndPlaced?.Recommended ?? 0;
        var placed = recommendedAndPlaced?.Placed ?? 0;

        var fromDay = query.From ?? DateOnly.MinValue;
        var placements = await db.Placements.AsNoTracking()
            .Where(p => string.Compare(p.WorkerDivision, first) >= 0 && string.Compare(p.WorkerDivision, last) <= 0)
            .Where(p => p.StartDate >= fromDay && p.StartDate <= to)
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), CrossRegion = g.Count(p => p.CrossRegion), Mean = g.Average(p => p.MonthlyWage) })
            .FirstOrDefaultAsync(cancellationToken);
        var byTrade = await db.Vacancies.AsNoTracking()
            .Where(v => string.Compare(v.Division, first) >= 0 && string.Compare(v.Division, last) <= 0)
            .Where(v => v.Status == VacancyStatus.Open)
            .GroupBy(v => v.TradeCode)
            .Select(g => new TradeHeadcount(g.Key, g.Sum(v => v.Headcount), g.Sum(v => v.Headcount - v.Filled)))
            .ToListAsync(cancellationToken);

        var total = placements?.Total ?? 0;
        var crossRegion = placements?.CrossRegion ?? 0;
        return new KpiView(
            division.Value,
            query.From,
            to,
            recommended,
            placed,
            Share(placed, recommended),
            new PlacementFigures(
                total,
                total - crossRegion,
                crossRegion,
                Share(total - crossRegion, total),
                placements is null ? null : Math.Round(placements.Mean, 2, MidpointRounding.AwayFromZero)),
            [.. byTrade.OrderBy(t => t.TradeCode, StringComparer.Ordinal)]);
    }

    private static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
