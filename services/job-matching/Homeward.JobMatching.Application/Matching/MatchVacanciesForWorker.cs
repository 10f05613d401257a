using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// The best open vacancies for a worker of the caller's division, each with its score breakdown and what the worker
/// lacks. Vacancies come from the whole city and the partner cities: a village worker's best job is often in the
/// county seat. The database applies the hard filters it can (open, places left, valid until the worker can start,
/// where the worker will work) and prefers the worker's trades; the bounded set that remains is scored in memory.
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
            return new([], $"The worker is not seeking work (status {(candidate.Status is { } status ? Names.Of(status) : "unknown")}).");
        }

        if (Matcher.EarliestStart(candidate.Intention, today) is not { } start)
        {
            return new([], "The worker is busy in every month of the year.");
        }

        var open = db.Vacancies.AsNoTracking()
            .Where(v => v.Status == VacancyStatus.Open && v.Filled < v.Headcount && v.ValidThrough >= start);
        var homeCounty = candidate.HouseholdDivisionCode[..6];
        switch (Matcher.Reach(candidate.Intention))
        {
            case WorkLocation.HomeCounty:
                open = open.Where(v => v.PartnerCity == null && v.Division.StartsWith(homeCounty));
                break;
            case WorkLocation.City:
                open = open.Where(v => v.PartnerCity == null);
                break;
        }

        var settings = options.Value;
        var trades = candidate.TradeCodes;
        // When more share the trade than are scored, the nearer ones (same county) are kept: distance is part of the score.
        var pool = await open.Where(v => trades.Contains(v.TradeCode))
            .OrderByDescending(v => v.Division.StartsWith(homeCounty))
            .ThenBy(v => v.Id)
            .Take(settings.MaxScored)
            .ToListAsync(cancellationToken);
        if (pool.Count < limit)
        {
            pool.AddRange(await open.Where(v => !trades.Contains(v.TradeCode))
                .OrderByDescending(v => v.Division.StartsWith(homeCounty))
                .ThenBy(v => v.Id)
                .Take(settings.MaxFallbackScored)
                .ToListAsync(cancellationToken));
        }

        var matcher = new Matcher(settings.ToWeights());
        var best = pool
            .Where(v => Matcher.Exclusion(candidate, v, today) is null)
            .Select(v => (Vacancy: v, Result: matcher.Score(candidate, v)))
            .OrderByDescending(m => m.Result.Score)
            .ThenBy(m => m.Vacancy.Id)
            .Take(limit)
            .ToList();
        var employerIds = best.Select(m => m.Vacancy.EmployerId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking()
            .Where(e => employerIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return new(
            [.. best.Select(m => new VacancyMatch(
                m.Vacancy.Id,
                m.Vacancy.Title,
                m.Vacancy.EmployerId,
                employers[m.Vacancy.EmployerId],
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
            best.Count == 0 ? "No open vacancy passes the hard filters for this worker." : null);
    }
}
