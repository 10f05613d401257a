using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// The best open vacancies for a worker of the caller's division, each with its score breakdown and what the worker
/// lacks. Vacancies come from the whole city and the partner cities: a village worker's best job is often in the
/// county seat. The database applies the hard filters (open, places left, valid until the worker can start, where the
/// worker will work) and ranks the vacancies that pass by their score reckoned from plain columns, a tier at a time
/// (<see cref="Matcher.VacancyTiers"/>: by what the trade and intention add, best first); only the best are loaded and
/// scored in full, a chunk at a time, until no vacancy left could enter the list: the list scoring every open vacancy
/// would give.
/// </summary>
public sealed record MatchVacanciesForWorker(Guid WorkerId, int? Limit) : IQuery<MatchList<VacancyMatch>>;

public sealed class MatchVacanciesForWorkerValidator : AbstractValidator<MatchVacanciesForWorker>
{
    public const int MaxLimit = 100;

    public MatchVacanciesForWorkerValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null).WithMessage($"The limit is between 1 and {MaxLimit}.");
}

public sealed class MatchVacanciesForWorkerHandler(
    IJobMatchingDbContext db,
    ICurrentUser currentUser,
    IMatchRanking ranks,
    IOptions<MatchingOptions> options,
    TimeProvider clock) : IQueryHandler<MatchVacanciesForWorker, MatchList<VacancyMatch>>
{
    public const int DefaultLimit = 20;

    public async ValueTask<MatchList<VacancyMatch>> Handle(MatchVacanciesForWorker query, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .FirstOrDefaultAsync(c => c.WorkerId == query.WorkerId && c.RegisteredAt != null, cancellationToken)
            ?? throw new NotFoundException("Candidate", query.WorkerId);
        var limit = query.Limit ?? DefaultLimit;
        var today = clock.Today();
        if (candidate.Status != CandidateStatus.SeekingWork)
        {
            return new([], $"The worker is not seeking work (status {(candidate.Status is { } status ? EnumNames.Of(status) : "unknown")}).");
        }

        if (Matcher.EarliestStart(candidate.Intention, today) is not { } start)
        {
            return new([], "The worker is busy in every month of the year.");
        }

        var settings = options.Value;
        var matcher = new Matcher(settings.ToWeights());
        var reach = Matcher.Reach(candidate.Intention);
        var ranking = new VacancyRanking(
            matcher,
            candidate.HouseholdDivisionCode,
            candidate.TradeCodes,
            MatchKeys.CertificatesMet(candidate.Certificates),
            candidate.Education,
            candidate.Intention?.MinimumMonthlyWage,
            start,
            HomeCountyOnly: reach == WorkLocation.HomeCounty,
            CityOnly: reach == WorkLocation.City);
        // Each vacancy comes with its employer's name, which its listing shows: one round trip less than asking after.
        var best = await new BestByBound<Offer, VacancyTier>(
                limit,
                settings,
                (tier, page, token) => ranks.RankVacanciesAsync(ranking, tier, page, token),
                (ids, token) => db.Vacancies.AsNoTracking()
                    .Where(v => ids.Contains(v.Id))
                    .Join(db.Employers, v => v.EmployerId, e => e.Id, (v, e) => new Offer(v, e.Name))
                    .ToListAsync(token),
                o => o.Vacancy.Id,
                o => Matcher.Exclusion(candidate, o.Vacancy, today) is null ? matcher.ScoreValue(candidate, o.Vacancy) : null)
            .FindAsync(matcher.VacancyTiers(candidate).Select(tier => (tier, tier.Bound)), cancellationToken);
        var explained = best.Select(m => (m.Item.Vacancy, m.Item.EmployerName, Result: matcher.Score(candidate, m.Item.Vacancy))).ToList();

        return new(
            [.. explained.Select(m => new VacancyMatch(
                m.Vacancy.Id,
                m.Vacancy.Title,
                m.Vacancy.EmployerId,
                m.EmployerName,
                m.Vacancy.TradeCode,
                m.Vacancy.Division,
                m.Vacancy.PartnerCity,
                m.Vacancy.WageMin,
                m.Vacancy.WageMax,
                m.Vacancy.Accommodation,
                m.Vacancy.ValidThrough,
                m.Vacancy.Remaining,
                m.Result.Score,
                m.Result.Breakdown,
                m.Result.Unmet))],
            explained.Count == 0 ? "No open vacancy passes the hard filters for this worker." : null);
    }

    private sealed record Offer(Vacancy Vacancy, string EmployerName);
}
