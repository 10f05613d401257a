using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// The best candidates of the caller's division for a vacancy of the caller's division, each with the score breakdown
/// and what they lack. The database applies the hard filters it can (registered, seeking work, of the caller's
/// division, willing to work where the vacancy is) and ranks every candidate that passes by the score reckoned from
/// plain columns, those with the vacancy's trade as a skill or a wish first; only the best are loaded, checked for
/// availability and scored in full, a chunk at a time, until no candidate left could enter the list: the list scoring
/// every candidate would give.
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
    IMatchRanking ranks,
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
            return new([], $"The vacancy takes no hires (status {EnumNames.Of(vacancy.Status)}, {vacancy.Remaining} places left).");
        }

        if (currentUser.Division is not { } scope)
        {
            return new([], "No candidate of your division passes the hard filters for this vacancy.");
        }

        var settings = options.Value;
        var matcher = new Matcher(settings.ToWeights());
        var ranking = new CandidateRanking(
            matcher,
            vacancy.TradeCode,
            vacancy.RequiredLevel,
            vacancy.RequiredCertificates,
            vacancy.MinimumEducation,
            vacancy.Division,
            vacancy.IsCrossRegion,
            vacancy.WageMax,
            scope.SubtreeRange.First,
            scope.SubtreeRange.Last);
        var found = await new BestByBound<Candidate, bool>(
                limit,
                settings,
                (sharesTrade, page, token) => ranks.RankCandidatesAsync(ranking, sharesTrade, page, token),
                (ids, token) => db.Candidates.AsNoTracking().Where(c => ids.Contains(c.WorkerId)).ToListAsync(token),
                c => c.WorkerId,
                c => Matcher.Exclusion(c, vacancy, today) is null ? matcher.ScoreValue(c, vacancy) : null)
            .FindAsync([(true, matcher.HighestScore), (false, matcher.UpperBoundOutsideTrades(vacancy.RequiredLevel, namesOtherTrades: false))], cancellationToken);
        // Only the listed candidates are explained, which is most of the cost of a score.
        var best = found
            .Select(m => (Candidate: m.Item, Result: matcher.Score(m.Item, vacancy)))
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
