using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Demand;

/// <param name="WorkersNeeding">Registered workers of the division who named the trade as a training need.</param>
/// <param name="SkillGap">Places job matching's open vacancies in the division cannot fill from its candidates.</param>
/// <param name="Demand">Workers needing plus the skill gap.</param>
/// <param name="PlannedSeats">Seats of planned and open sessions in the trade held in the division.</param>
/// <param name="SuggestedSessions">Sessions of the configured size that would cover the demand the planned seats leave.</param>
public sealed record TradeDemand(string TradeCode, int WorkersNeeding, int SkillGap, int Demand, int PlannedSeats, int Shortfall, int SuggestedSessions);

public sealed record DemandReport(string Division, int SuggestedSessionSize, IReadOnlyList<TradeDemand> Items);

/// <summary>
/// Training demand per trade in a division (the caller's, or one within it): from workers' training needs and job
/// matching's skill gaps, against the seats already planned; where demand exceeds them, the sessions to add.
/// </summary>
public sealed record GetDemand(string? Division) : IQuery<DemandReport>;

public sealed class GetDemandValidator : AbstractValidator<GetDemand>
{
    public GetDemandValidator() => RuleFor(q => q.Division).Must(DivisionFilter.IsValid).WithMessage(DivisionFilter.Message);
}

public sealed class GetDemandHandler(ITrainingDbContext db, ICurrentUser currentUser, IOptions<TrainingOptions> options) : IQueryHandler<GetDemand, DemandReport>
{
    public async ValueTask<DemandReport> Handle(GetDemand query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);
        var (first, last) = division.SubtreeRange;
        // The counts per village and trade the worker projection keeps: at most villages × trades rows, not every worker.
        var needs = await db.TrainingNeedCounts.AsNoTracking()
            .Where(c => string.Compare(c.Division, first) >= 0 && string.Compare(c.Division, last) <= 0)
            .GroupBy(c => c.TradeCode)
            .Select(g => new { Trade = g.Key, Count = g.Sum(c => c.Workers) })
            .Where(x => x.Count > 0)
            .ToDictionaryAsync(x => x.Trade, x => x.Count, cancellationToken);
        var gaps = await db.SkillGaps.AsNoTracking()
            .Where(g => string.Compare(g.Division, first) >= 0 && string.Compare(g.Division, last) <= 0)
            .GroupBy(g => g.TradeCode)
            .Select(g => new { Trade = g.Key, Gap = g.Sum(x => x.Gap) })
            .ToDictionaryAsync(x => x.Trade, x => x.Gap, cancellationToken);
        var seats = await db.Sessions.AsNoTracking()
            .Where(s => (s.Status == SessionStatus.Planned || s.Status == SessionStatus.Open)
                && string.Compare(s.Division, first) >= 0 && string.Compare(s.Division, last) <= 0)
            .GroupBy(s => s.TradeCode)
            .Select(g => new { Trade = g.Key, Seats = g.Sum(s => s.Capacity) })
            .ToDictionaryAsync(x => x.Trade, x => x.Seats, cancellationToken);
        var size = options.Value.SuggestedSessionSize;
        var items = needs.Keys.Union(gaps.Keys).Union(seats.Keys)
            .Select(trade =>
            {
                var workers = needs.GetValueOrDefault(trade);
                var gap = gaps.GetValueOrDefault(trade);
                var planned = seats.GetValueOrDefault(trade);
                var shortfall = Math.Max(0, workers + gap - planned);
                return new TradeDemand(trade, workers, gap, workers + gap, planned, shortfall, (shortfall + size - 1) / size);
            })
            .OrderByDescending(d => d.Shortfall).ThenBy(d => d.TradeCode, StringComparer.Ordinal)
            .ToList();
        return new DemandReport(division.Value, size, items);
    }
}
