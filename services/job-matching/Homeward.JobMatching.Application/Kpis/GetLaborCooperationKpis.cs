using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Partners;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Kpis;

/// <summary>
/// Labour cooperation's figures for a division within the caller's (the caller's own when not given), for a period of
/// whole days, both inclusive (to is today when left out), as the speech reports them:
/// <list type="bullet">
/// <item>Partner enterprises: employers of partner cities looked after by offices of the division, now.</item>
/// <item>Fairs held: fairs organised by offices of the division on a day of the period up to today.</item>
/// <item>Cross-region placements of workers of the division starting in the period, and their mean monthly wage (as agreed, or as last reported).</item>
/// <item>3- and 6-month retention: of the placements of workers of the division that started in the period at least
/// 3 (6) months ago, the share still running 3 (6) months after the start.</item>
/// <item>Open rights cases of workers of the division now, and the mean days from opening to resolution of the cases resolved in the period.</item>
/// <item>Quota fulfilment: the workers the quotas of the agreements in force on some day of the period ask for, the
/// placements of workers of the division counted against them over each agreement's own period (see
/// <see cref="QuotaFulfilment"/>), and their share — for a county or township, its part in the city's quotas.</item>
/// </list>
/// Rates have four decimals, means two (days one); each is null when nothing was counted.
/// </summary>
public sealed record GetLaborCooperationKpis(string? Division, DateOnly? From, DateOnly? To) : IQuery<LaborCooperationKpiView>;

public sealed record LaborCooperationKpiView(
    string Division,
    DateOnly? From,
    DateOnly To,
    int PartnerEnterprises,
    int FairsHeld,
    int CrossRegionPlacements,
    decimal? CrossRegionMeanMonthlyWage,
    decimal? RetentionAt3Months,
    decimal? RetentionAt6Months,
    int OpenRightsCases,
    decimal? MeanDaysToResolution,
    int AgreementQuota,
    int PlacedAgainstQuota,
    decimal? QuotaFulfilment);

public sealed class GetLaborCooperationKpisValidator : AbstractValidator<GetLaborCooperationKpis>
{
    public GetLaborCooperationKpisValidator()
    {
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _)).When(q => q.Division is not null).WithMessage(DivisionFilter.Message);
        RuleFor(q => q.To).Must((q, to) => q.From <= to).When(q => q.From is not null && q.To is not null).WithMessage("The period ends on or after it begins.");
    }
}

public sealed class GetLaborCooperationKpisHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetLaborCooperationKpis, LaborCooperationKpiView>
{
    public async ValueTask<LaborCooperationKpiView> Handle(GetLaborCooperationKpis query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);
        var (first, last) = division.SubtreeRange;
        var today = clock.Today();
        var to = query.To ?? today;
        var from = query.From ?? DateOnly.MinValue;
        var start = query.From is { } day ? CityCalendar.StartOf(day) : DateTimeOffset.MinValue;
        var end = CityCalendar.EndOf(to);

        var partnerEnterprises = await db.Employers.AsNoTracking()
            .Where(e => e.PartnerCity != null && string.Compare(e.Division, first) >= 0 && string.Compare(e.Division, last) <= 0)
            .CountAsync(cancellationToken);
        var lastFairDay = to < today ? to : today;
        var fairsHeld = await db.JobFairs.AsNoTracking()
            .Where(f => string.Compare(f.OrganizerDivision, first) >= 0 && string.Compare(f.OrganizerDivision, last) <= 0)
            .Where(f => f.Date >= from && f.Date <= lastFairDay)
            .CountAsync(cancellationToken);
        var placements = await db.Placements.AsNoTracking()
            .Where(p => string.Compare(p.WorkerDivision, first) >= 0 && string.Compare(p.WorkerDivision, last) <= 0)
            .Where(p => p.StartDate >= from && p.StartDate <= to)
            .Select(p => new { p.CrossRegion, p.MonthlyWage, p.StartDate, p.EndDate })
            .ToListAsync(cancellationToken);
        var crossRegion = placements.Where(p => p.CrossRegion).ToList();

        decimal? Retention(int months)
        {
            var old = placements.Where(p => p.StartDate.AddMonths(months) <= today).ToList();
            return Share(old.Count(p => p.EndDate is null || p.EndDate >= p.StartDate.AddMonths(months)), old.Count);
        }

        var rightsCases = db.RightsCases.AsNoTracking()
            .Where(c => string.Compare(c.WorkerDivision, first) >= 0 && string.Compare(c.WorkerDivision, last) <= 0);
        var openCases = await rightsCases.CountAsync(c => c.ResolvedAt == null, cancellationToken);
        var resolved = await rightsCases
            .Where(c => c.ResolvedAt != null && c.ResolvedAt >= start && c.ResolvedAt < end)
            .Select(c => new { c.OpenedAt, ResolvedAt = c.ResolvedAt!.Value })
            .ToListAsync(cancellationToken);

        var agreements = await db.PartnerAgreements.AsNoTracking()
            .Where(a => a.ValidFrom <= to && a.ValidTo >= from)
            .ToListAsync(cancellationToken);
        var quotas = (await QuotaFulfilment.OfAsync(db, agreements, (first, last), cancellationToken)).Values.SelectMany(q => q).ToList();
        var agreementQuota = quotas.Sum(q => q.Quota);
        var placedAgainstQuota = quotas.Sum(q => q.Placed);

        return new LaborCooperationKpiView(
            division.Value,
            query.From,
            to,
            partnerEnterprises,
            fairsHeld,
            crossRegion.Count,
            crossRegion.Count == 0 ? null : Math.Round(crossRegion.Average(p => p.MonthlyWage), 2, MidpointRounding.AwayFromZero),
            Retention(3),
            Retention(6),
            openCases,
            resolved.Count == 0 ? null : Math.Round((decimal)resolved.Average(c => (c.ResolvedAt - c.OpenedAt).TotalDays), 1, MidpointRounding.AwayFromZero),
            agreementQuota,
            placedAgainstQuota,
            Share(placedAgainstQuota, agreementQuota));
    }

    private static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
