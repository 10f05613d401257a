using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Certificates;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Outcomes;

/// <param name="SessionsHeld">Sessions held in the division that completed with an end date in the period.</param>
/// <param name="Enrollments">Person-times: seats taken in sessions (not cancelled) starting in the period.</param>
/// <param name="TradesCovered">Distinct trades of the sessions held.</param>
/// <param name="Outcomes">Trainees of the sessions held: completion, certification, and employment within the window after completion, overall and in the trade.</param>
/// <param name="PriorLearningCertificates">Certificates issued in the period by recognition of prior learning to workers of the division.</param>
public sealed record TrainingKpis(
    string Division,
    DateOnly? From,
    DateOnly To,
    int SessionsHeld,
    int Enrollments,
    int TradesCovered,
    IReadOnlyList<string> Trades,
    OutcomeRates Outcomes,
    int PriorLearningCertificates,
    int EmploymentWindowMonths);

/// <summary>The speech's training figures for a division (the caller's, or one within it) and a period of city dates.</summary>
public sealed record GetKpis(string? Division, DateOnly? From, DateOnly? To) : IQuery<TrainingKpis>;

public sealed class GetKpisValidator : AbstractValidator<GetKpis>
{
    public GetKpisValidator()
    {
        RuleFor(q => q.Division).Must(DivisionFilter.IsValid).WithMessage(DivisionFilter.Message);
        RuleFor(q => q.To).Must((q, to) => q.From <= to).When(q => q.From is not null && q.To is not null)
            .WithMessage("The period ends on or after its first day.");
    }
}

public sealed class GetKpisHandler(ITrainingDbContext db, ICurrentUser currentUser, IOptions<TrainingOptions> options, TimeProvider clock)
    : IQueryHandler<GetKpis, TrainingKpis>
{
    public async ValueTask<TrainingKpis> Handle(GetKpis query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);

        // As the other services' figures: from the beginning when no first day is given, up to today when no last.
        var (from, to) = (query.From ?? DateOnly.MinValue, query.To ?? clock.Today());
        var window = options.Value.EmploymentWindowMonths;
        var outcomes = await TraineeOutcomes.OfDivisionAsync(db, division, window, cancellationToken);
        var held = outcomes.Where(o => o.SessionStatus == SessionStatus.Completed && o.SessionEndsOn >= from && o.SessionEndsOn <= to).ToList();
        var (first, last) = division.SubtreeRange;
        var sessionsHeld = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Completed && s.EndsOn >= from && s.EndsOn <= to
                && string.Compare(s.Division, first) >= 0 && string.Compare(s.Division, last) <= 0)
            .Select(s => s.TradeCode)
            .ToListAsync(cancellationToken);
        var trades = sessionsHeld.Distinct().Order(StringComparer.Ordinal).ToList();
        var enrollments = outcomes.Count(o => o.SessionStatus != SessionStatus.Cancelled && o.SessionStartsOn >= from && o.SessionStartsOn <= to);
        var priorLearning = await db.Certificates.AsNoTracking()
            .Where(c => c.Route == CertificateRoute.PriorLearning && c.IssuedOn >= from && c.IssuedOn <= to
                && string.Compare(c.WorkerDivision, first) >= 0 && string.Compare(c.WorkerDivision, last) <= 0)
            .CountAsync(cancellationToken);
        return new TrainingKpis(division.Value, query.From, to, sessionsHeld.Count, enrollments, trades.Count, trades, OutcomeRates.Of(held), priorLearning, window);
    }
}
