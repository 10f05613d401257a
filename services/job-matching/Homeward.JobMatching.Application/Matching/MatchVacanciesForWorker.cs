using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Homeward.SharedKernel.Trades;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// The best open vacancies for a worker of the caller's division, each with its score breakdown and what the worker
/// lacks. Vacancies come from the whole city and the partner cities: a village worker's best job is often in the
/// county seat. The database applies the hard filters it can (open, places left, valid until the worker can start,
/// where the worker will work) and prefers the worker's trades. Every such vacancy is ranked by the most it could
/// score, read from a few columns; only the best of them are loaded and scored in full, a chunk at a time, until no
/// vacancy left could enter the list: the same list as scoring them all, at a small part of the cost.
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

    /// <summary>How many vacancies one round trip loads in full to score; most lists are final after the first.</summary>
    private const int ScoreChunk = 100;

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
        var matcher = new Matcher(settings.ToWeights());
        // Every open vacancy in the worker's trades, by the few columns the score's bound needs (no JSON).
        var outlines = await Outlines(open.Where(v => trades.Contains(v.TradeCode)), cancellationToken);
        var scoredAtMost = settings.MaxScored;
        if (Math.Min(outlines.Count, settings.MaxScored) < limit)
        {
            // Too few share a trade: others fill the list, the nearer ones (same county) first, as many as configured.
            outlines.AddRange(await Outlines(
                open.Where(v => !trades.Contains(v.TradeCode))
                    .OrderByDescending(v => v.Division.StartsWith(homeCounty))
                    .ThenBy(v => v.Id)
                    .Take(settings.MaxFallbackScored),
                cancellationToken));
            scoredAtMost += settings.MaxFallbackScored;
        }

        var ranked = outlines
            .Select(o => (o.Id, Bound: matcher.UpperBound(candidate, o.TradeCode, o.RequiredLevel, o.MinimumEducation, o.Division, o.PartnerCity, o.WageMax)))
            .OrderByDescending(o => o.Bound)
            .ThenBy(o => o.Id)
            .ToList();
        var best = new List<(Vacancy Vacancy, MatchResult Result)>(limit + ScoreChunk);
        for (var next = 0; next < ranked.Count && next < scoredAtMost; next += ScoreChunk)
        {
            // The list is final once its last place scores above what any vacancy not yet scored could.
            if (best.Count == limit && best[^1].Result.Score > ranked[next].Bound + Matcher.BoundSlack)
            {
                break;
            }

            var ids = ranked.Skip(next).Take(Math.Min(ScoreChunk, scoredAtMost - next)).Select(o => o.Id).ToList();
            var chunk = await db.Vacancies.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken);
            best.AddRange(chunk
                .Where(v => Matcher.Exclusion(candidate, v, today) is null)
                .Select(v => (Vacancy: v, Result: matcher.Score(candidate, v))));
            best = [.. best.OrderByDescending(m => m.Result.Score).ThenBy(m => m.Vacancy.Id).Take(limit)];
        }

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

    private static Task<List<VacancyOutline>> Outlines(IQueryable<Vacancy> vacancies, CancellationToken cancellationToken) =>
        vacancies
            .Select(v => new VacancyOutline(v.Id, v.TradeCode, v.RequiredLevel, v.MinimumEducation, v.Division, v.PartnerCity, v.WageMax))
            .ToListAsync(cancellationToken);

    /// <summary>What the score's upper bound reads of a vacancy.</summary>
    private sealed record VacancyOutline(
        Guid Id,
        string TradeCode,
        SkillLevel RequiredLevel,
        EducationLevel? MinimumEducation,
        string Division,
        string? PartnerCity,
        decimal WageMax);
}
