using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// The best candidates of the caller's division for a vacancy of the caller's division, each with the score breakdown
/// and what they lack. The database picks the registered candidates seeking work who have the trade as a skill or a
/// wish (a GIN index on their trades); when they are too few, others fill the list. The rest of the hard filters and
/// the score are applied in memory on that bounded set.
/// </summary>
public sealed record MatchCandidatesForVacancy(Guid VacancyId, int? Limit) : IQuery<MatchList<CandidateMatch>>;

public sealed class MatchCandidatesForVacancyValidator : AbstractValidator<MatchCandidatesForVacancy>
{
    public const int MaxLimit = 200;

    public MatchCandidatesForVacancyValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null).WithMessage($"The limit is between 1 and {MaxLimit}.");
}

public sealed class MatchCandidatesForVacancyHandler(
    IJobMatchingDbContext db,
    ICurrentUser currentUser,
    IOptions<MatchingOptions> options,
    TimeProvider clock) : IQueryHandler<MatchCandidatesForVacancy, MatchList<CandidateMatch>>
{
    public const int DefaultLimit = 50;

    public async ValueTask<MatchList<CandidateMatch>> Handle(MatchCandidatesForVacancy query, CancellationToken cancellationToken)
    {
        var vacancy = await db.Vacancies.AsNoTracking()
            .WithinDivisionOf(currentUser, v => v.Division)
            .FirstOrDefaultAsync(v => v.Id == query.VacancyId, cancellationToken)
            ?? throw new NotFoundException("Vacancy", query.VacancyId);
        var limit = query.Limit ?? DefaultLimit;
        var today = clock.Today();
        if (vacancy.Status != Domain.Vacancies.VacancyStatus.Open || vacancy.Remaining <= 0 || vacancy.ValidThrough < today)
        {
            return new([], $"The vacancy takes no hires (status {Names.Of(vacancy.Status)}, {vacancy.Remaining} places left).");
        }

        var seeking = db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .Where(c => c.Status == CandidateStatus.SeekingWork && c.RegisteredAt != null);
        // The location filter, as far as the database can tell: who goes to a partner city, who leaves the home county.
        var county = vacancy.Division[..6];
        if (vacancy.IsCrossRegion)
        {
            seeking = seeking.Where(c => c.Reach == WorkLocation.PartnerCities || c.Reach == WorkLocation.Anywhere);
        }
        else
        {
            seeking = seeking.Where(c => c.Reach != WorkLocation.HomeCounty || c.HouseholdDivisionCode.StartsWith(county));
        }

        var settings = options.Value;
        var trade = new[] { vacancy.TradeCode };
        // When more share the trade than are scored, the nearer ones (same county) are kept: distance is part of the score.
        var pool = await seeking.Where(c => c.TradeCodes.Any(t => trade.Contains(t)))
            .OrderByDescending(c => c.HouseholdDivisionCode.StartsWith(county))
            .ThenBy(c => c.WorkerId)
            .Take(settings.MaxScored)
            .ToListAsync(cancellationToken);
        if (pool.Count < limit)
        {
            pool.AddRange(await seeking.Where(c => !c.TradeCodes.Any(t => trade.Contains(t)))
                .OrderByDescending(c => c.HouseholdDivisionCode.StartsWith(county))
                .ThenBy(c => c.WorkerId)
                .Take(settings.MaxFallbackScored)
                .ToListAsync(cancellationToken));
        }

        var matcher = new Matcher(settings.ToWeights());
        // Ranked by the score alone; only the listed ones are explained, which is most of the cost of a score.
        var best = pool
            .Where(c => Matcher.Exclusion(c, vacancy, today) is null)
            .Select(c => (Candidate: c, Score: matcher.ScoreValue(c, vacancy)))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Candidate.WorkerId)
            .Take(limit)
            .Select(m => (m.Candidate, Result: matcher.Score(m.Candidate, vacancy)))
            .Select(m => new CandidateMatch(
                m.Candidate.WorkerId,
                m.Candidate.Name,
                m.Candidate.HouseholdDivisionCode,
                m.Candidate.Status,
                m.Result.Score,
                m.Result.Breakdown,
                m.Result.Unmet))
            .ToList();
        return new(best, best.Count == 0 ? "No candidate of your division passes the hard filters for this vacancy." : null);
    }
}
