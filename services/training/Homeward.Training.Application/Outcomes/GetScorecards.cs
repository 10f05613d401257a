using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Outcomes;

/// <param name="PracticalShare">Practical hours as a share of all hours of the course, or the mean over a provider's courses taught.</param>
public sealed record Scorecard(Guid Id, string Name, decimal PracticalShare, int Sessions, OutcomeRates Outcomes);

public sealed record ScorecardReport(string Division, int EmploymentWindowMonths, IReadOnlyList<Scorecard> Providers, IReadOnlyList<Scorecard> Courses);

/// <summary>
/// How providers and courses do in a division (the caller's, or one within it), over the sessions held there: practical
/// share, completion, certification and employment within the window after completion.
/// </summary>
public sealed record GetScorecards(string? Division) : IQuery<ScorecardReport>;

public sealed class GetScorecardsValidator : AbstractValidator<GetScorecards>
{
    public GetScorecardsValidator() => RuleFor(q => q.Division).Must(DivisionFilter.IsValid).WithMessage(DivisionFilter.Message);
}

public sealed class GetScorecardsHandler(ITrainingDbContext db, ICurrentUser currentUser, IOptions<TrainingOptions> options)
    : IQueryHandler<GetScorecards, ScorecardReport>
{
    public async ValueTask<ScorecardReport> Handle(GetScorecards query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);
        var window = options.Value.EmploymentWindowMonths;
        var outcomes = await TraineeOutcomes.OfDivisionAsync(db, division, window, cancellationToken);
        var (first, last) = division.SubtreeRange;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => string.Compare(s.Division, first) >= 0 && string.Compare(s.Division, last) <= 0)
            .Select(s => new { s.Id, s.ProviderId, s.CourseId })
            .ToListAsync(cancellationToken);
        var courseIds = sessions.Select(s => s.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var providerIds = sessions.Select(s => s.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var byCourse = sessions.GroupBy(s => s.CourseId)
            .Select(g => new Scorecard(
                g.Key, courses[g.Key].Title, courses[g.Key].PracticalShare, g.Count(), OutcomeRates.Of(outcomes.Where(o => o.CourseId == g.Key))))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)
            .ToList();
        var byProvider = sessions.GroupBy(s => s.ProviderId)
            .Select(g => new Scorecard(
                g.Key,
                providers[g.Key],
                Math.Round(g.Select(s => s.CourseId).Distinct().Average(id => courses[id].PracticalShare), 4),
                g.Count(),
                OutcomeRates.Of(outcomes.Where(o => o.ProviderId == g.Key))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
            .ToList();
        return new ScorecardReport(division.Value, window, byProvider, byCourse);
    }
}
