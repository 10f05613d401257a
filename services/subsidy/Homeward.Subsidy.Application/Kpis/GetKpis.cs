using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.Subsidy.Application.Common;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Payments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Kpis;

/// <summary>
/// The subsidy figures for a division within the caller's (the caller's own when not given), as the speech reports
/// them. The period runs from <see cref="From"/> (the start of records when left out) to <see cref="To"/> (today), whole
/// days of the city (China Standard Time), both inclusive.
/// <list type="bullet">
/// <item>Disbursed: the sum paid (paid day in the period; reversed payments excluded) and the distinct businesses paid.</item>
/// <item>Loans: guaranteed loans granted in the period, their sum, and the jobs their businesses report (jobs driven).</item>
/// <item>Awareness rate: registered workers of the division who saw a policy notification or applied, by the end of the
/// period, ÷ registered workers of the division. Benefit rate: those with an approved application ÷ the same.</item>
/// <item>Time to decision: from first submission to approval or rejection, of applications decided in the period;
/// median and 90th percentile in hours.</item>
/// <item>Overdue: applications in review past their stage deadline now.</item>
/// </list>
/// Rates are rounded to four decimals and are null when their denominator is zero.
/// </summary>
public sealed record GetKpis(string? Division, DateOnly? From, DateOnly? To) : IQuery<KpiView>;

public sealed record KpiView(
    string Division,
    DateOnly? From,
    DateOnly To,
    decimal DisbursedSum,
    int Disbursements,
    int BusinessesPaid,
    int LoansGranted,
    decimal LoansSum,
    int JobsDriven,
    int RegisteredWorkers,
    int WorkersAware,
    int WorkersBenefiting,
    decimal? AwarenessRate,
    decimal? BenefitRate,
    int ApplicationsDecided,
    double? MedianHoursToDecision,
    double? P90HoursToDecision,
    int OverdueApplications);

public sealed class GetKpisValidator : AbstractValidator<GetKpis>
{
    public GetKpisValidator()
    {
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _)).When(q => q.Division is not null).WithMessage(DivisionFilter.Message);
        RuleFor(q => q.To).Must((q, to) => q.From <= to).When(q => q.From is not null && q.To is not null).WithMessage("The period ends on or after it begins.");
    }
}

public sealed class GetKpisHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetKpis, KpiView>
{
    public async ValueTask<KpiView> Handle(GetKpis query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);
        var (first, last) = division.SubtreeRange;
        var now = clock.GetUtcNow();
        var to = query.To ?? CityCalendar.DayOf(now);
        var fromDay = query.From ?? DateOnly.MinValue;
        var start = query.From is { } from ? CityCalendar.StartOf(from) : DateTimeOffset.MinValue;
        var end = CityCalendar.EndOf(to);

        var paid = await db.Disbursements.AsNoTracking()
            .Where(d => string.Compare(d.Division, first) >= 0 && string.Compare(d.Division, last) <= 0)
            .Where(d => d.Status == DisbursementStatus.Paid && d.PaidOn >= fromDay && d.PaidOn <= to)
            .GroupBy(_ => 1)
            .Select(g => new { Sum = g.Sum(d => d.Amount), Count = g.Count(), Businesses = g.Where(d => d.BusinessId != null).Select(d => d.BusinessId).Distinct().Count() })
            .FirstOrDefaultAsync(cancellationToken);
        var loans = await db.Loans.AsNoTracking()
            .Where(l => string.Compare(l.Division, first) >= 0 && string.Compare(l.Division, last) <= 0)
            .Where(l => l.GrantedOn >= fromDay && l.GrantedOn <= to)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(l => l.Amount), Jobs = g.Sum(l => l.JobsReported) })
            .FirstOrDefaultAsync(cancellationToken);

        var registered = await db.Workers.AsNoTracking()
            .Where(w => string.Compare(w.HouseholdDivision, first) >= 0 && string.Compare(w.HouseholdDivision, last) <= 0)
            .CountAsync(w => w.RegisteredAt != null && w.RegisteredAt < end, cancellationToken);
        var funnel = db.Funnel.AsNoTracking()
            .Where(f => string.Compare(f.Division, first) >= 0 && string.Compare(f.Division, last) <= 0);
        var aware = await funnel.Where(f => (f.ViewedAt != null && f.ViewedAt < end) || (f.AppliedAt != null && f.AppliedAt < end))
            .Select(f => f.WorkerId).Distinct().CountAsync(cancellationToken);
        var benefiting = await funnel.Where(f => f.ApprovedAt != null && f.ApprovedAt < end)
            .Select(f => f.WorkerId).Distinct().CountAsync(cancellationToken);

        var applications = db.Applications.AsNoTracking()
            .Where(a => string.Compare(a.Division, first) >= 0 && string.Compare(a.Division, last) <= 0);
        var decisions = await applications
            .Where(a => a.DecidedAt != null && a.DecidedAt >= start && a.DecidedAt < end && a.FirstSubmittedAt != null)
            .Select(a => new { a.FirstSubmittedAt, a.DecidedAt })
            .ToListAsync(cancellationToken);
        var hours = decisions.Select(d => (d.DecidedAt!.Value - d.FirstSubmittedAt!.Value).TotalHours).Order().ToList();
        var overdue = await applications
            .CountAsync(a => (a.Status == ApplicationStatus.PendingPreReview || a.Status == ApplicationStatus.PendingApproval) && a.StageDueAt < now, cancellationToken);

        return new KpiView(
            division.Value,
            query.From,
            to,
            paid?.Sum ?? 0m,
            paid?.Count ?? 0,
            paid?.Businesses ?? 0,
            loans?.Count ?? 0,
            loans?.Sum ?? 0m,
            loans?.Jobs ?? 0,
            registered,
            aware,
            benefiting,
            Share(aware, registered),
            Share(benefiting, registered),
            hours.Count,
            Percentile(hours, 0.5),
            Percentile(hours, 0.9),
            overdue);
    }

    /// <summary>The nearest-rank percentile of sorted values, in hours to two decimals.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 2);
    }

    private static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
