using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.JobMatching;
using Homeward.JobMatching.Application.FollowUp;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Placements;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Finance;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Placements;

/// <summary>
/// Hires a worker of the caller's division: from a recommendation (which then ends as hired), into a vacancy (which
/// ends an open recommendation of it to the worker as hired), or directly by an employer without a vacancy. A hire into a vacancy takes one of its places; the last place makes it
/// filled. Announces WorkerPlaced, local or cross-region.
/// </summary>
/// <remarks>
/// Concurrent hires into the same vacancy race on its row version: one wins, the others read the vacancy again and
/// try once more, so every hire that finds a place gets it and the filled count never exceeds the headcount (which a
/// check constraint also guards). The attempts are bounded: every lost race is someone else's successful change.
/// A hire that finds no place left, or the vacancy no longer open, is a conflict (409 vacancy-full, vacancy-not-open).
/// </remarks>
public sealed record PlaceWorker(
    Guid? RecommendationId,
    Guid? VacancyId,
    Guid? EmployerId,
    Guid? WorkerId,
    string? TradeCode,
    decimal? MonthlyWage,
    DateOnly? StartDate) : ICommand<PlacementView>;

public sealed class PlaceWorkerValidator : AbstractValidator<PlaceWorker>
{
    public PlaceWorkerValidator()
    {
        RuleFor(c => c).Must(c => new[] { c.RecommendationId, c.VacancyId, c.EmployerId }.Count(id => id is not null) == 1)
            .OverridePropertyName("recommendationId")
            .WithMessage("Give exactly one of recommendationId, vacancyId (a direct hire into a vacancy) or employerId (a hire without a vacancy).");
        RuleFor(c => c.WorkerId).NotNull().When(c => c.RecommendationId is null)
            .WithMessage("The worker is required unless the hire is from a recommendation.");
        RuleFor(c => c.WorkerId).Null().When(c => c.RecommendationId is not null)
            .WithMessage("A hire from a recommendation is of the recommended worker; leave workerId out.");
        RuleFor(c => c.TradeCode).Must(code => TradeCatalog.Current.Contains(code!))
            .When(c => c.TradeCode is not null)
            .WithMessage("The trade is a code of the trade reference data, e.g. welder.");
        RuleFor(c => c.TradeCode).Null().When(c => c.EmployerId is null)
            .WithMessage("A hire into a vacancy is in the vacancy's trade; give a trade only for a hire without a vacancy.");
        RuleFor(c => c.MonthlyWage).NotNull().WithMessage("The monthly wage is required.")
            .Must(wage => wage is not { } value || (value > 0 && Money.IsValidAmount(value) && value <= 1_000_000m))
            .WithMessage("A monthly wage is a positive amount of CNY up to 1,000,000 with at most two decimals.");
        RuleFor(c => c.StartDate).NotNull().WithMessage("The start date is required.");
    }
}

public sealed class PlaceWorkerHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, IOptions<FollowUpOptions> followUp, TimeProvider clock)
    : ICommandHandler<PlaceWorker, PlacementView>
{
    public async ValueTask<PlacementView> Handle(PlaceWorker command, CancellationToken cancellationToken) =>
        PlacementView.From(await Hiring.RetryingLostRacesAsync(
            db,
            async () =>
            {
                var hiring = await Hiring.ReadAsync(db, currentUser, [command], cancellationToken);
                var placement = hiring.Hire(db, outbox, currentUser, followUp.Value, clock, command);
                await db.SaveChangesAsync(cancellationToken);
                return placement;
            }));
}

/// <summary>
/// What hiring needs to know, read at once whether there is one hire or hundreds (a batch): the recommendations hired
/// from (of the caller's division), the registered workers of the caller's division, the vacancies hired into and the
/// open recommendations of them to the workers hired directly (both tracked, as hires change them), and the employers.
/// <see cref="Hire"/> applies the rules to one hire and records it, so that every path hires alike.
/// </summary>
/// <remarks>
/// Concurrent hires into the same vacancy race on its row version: one wins, the others read everything again and try
/// once more (<see cref="RetryingLostRacesAsync"/>), so every hire that finds a place gets it and the filled count
/// never exceeds the headcount (which a check constraint also guards). The attempts are bounded: every lost race is
/// someone else's successful change.
/// </remarks>
public sealed class Hiring
{
    private const int MaxAttempts = 50;

    private readonly Dictionary<Guid, Recommendation> _recommendations;
    private readonly Dictionary<Guid, string> _workerDivisions;
    private readonly Dictionary<Guid, Vacancy> _vacancies;
    private readonly Dictionary<(Guid WorkerId, Guid VacancyId), Recommendation> _openForDirectHires;
    private readonly Dictionary<Guid, Employer> _employers;

    private Hiring(
        Dictionary<Guid, Recommendation> recommendations,
        Dictionary<Guid, string> workerDivisions,
        Dictionary<Guid, Vacancy> vacancies,
        Dictionary<(Guid, Guid), Recommendation> openForDirectHires,
        Dictionary<Guid, Employer> employers)
    {
        _recommendations = recommendations;
        _workerDivisions = workerDivisions;
        _vacancies = vacancies;
        _openForDirectHires = openForDirectHires;
        _employers = employers;
    }

    /// <summary>
    /// Runs <paramref name="hire"/> (which reads, hires and saves) again from the database after a lost race on a
    /// vacancy's or recommendation's row version.
    /// </summary>
    public static async Task<T> RetryingLostRacesAsync<T>(IJobMatchingDbContext db, Func<Task<T>> hire)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await hire();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.DiscardChanges();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Beyond what hires alone can cause. Left alone it would answer 412, which asks for an If-Match a hire
                // never sends; the caller's remedy is to send the same request again.
                db.DiscardChanges();
                throw new ConflictException(
                    "hire-contended",
                    $"The vacancy or recommendation changed under this hire {MaxAttempts} times in a row; send the hire again.");
            }
        }
    }

    public static async Task<Hiring> ReadAsync(IJobMatchingDbContext db, ICurrentUser currentUser, IReadOnlyCollection<PlaceWorker> hires, CancellationToken cancellationToken)
    {
        var recommendationIds = hires.Where(h => h.RecommendationId is not null).Select(h => h.RecommendationId!.Value).Distinct().ToList();
        var recommendations = recommendationIds.Count == 0
            ? []
            : await db.Recommendations
                .WithinDivisionOf(currentUser, r => r.WorkerDivision)
                .Where(r => recommendationIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, cancellationToken);
        var workerIds = hires.Select(h => h.RecommendationId is { } id ? recommendations.GetValueOrDefault(id)?.WorkerId : h.WorkerId)
            .OfType<Guid>().Distinct().ToList();
        var workerDivisions = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .Where(c => workerIds.Contains(c.WorkerId) && c.RegisteredAt != null)
            .Select(c => new { c.WorkerId, c.HouseholdDivisionCode })
            .ToDictionaryAsync(c => c.WorkerId, c => c.HouseholdDivisionCode, cancellationToken);
        var vacancyIds = hires.Select(h => h.RecommendationId is { } id ? recommendations.GetValueOrDefault(id)?.VacancyId : h.VacancyId)
            .OfType<Guid>().Distinct().ToList();
        var vacancies = vacancyIds.Count == 0 ? [] : await db.Vacancies.Where(v => vacancyIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);

        var directWorkers = hires.Where(h => h.VacancyId is not null && h.WorkerId is not null).Select(h => h.WorkerId!.Value).Distinct().ToList();
        var directVacancies = hires.Where(h => h.VacancyId is not null && h.WorkerId is not null).Select(h => h.VacancyId!.Value).Distinct().ToList();
        var openForDirectHires = directWorkers.Count == 0
            ? []
            : (await db.Recommendations.Where(r => directWorkers.Contains(r.WorkerId) && directVacancies.Contains(r.VacancyId) && r.IsOpen).ToListAsync(cancellationToken))
                .ToDictionary(r => (r.WorkerId, r.VacancyId));

        var employerIds = vacancies.Values.Select(v => v.EmployerId)
            .Concat(hires.Where(h => h.EmployerId is not null).Select(h => h.EmployerId!.Value))
            .Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return new Hiring(recommendations, workerDivisions, vacancies, openForDirectHires, employers);
    }

    /// <summary>The worker a hire is of, when known: the one named, or the one recommended.</summary>
    public Guid? WorkerOf(PlaceWorker command) =>
        command.RecommendationId is { } id ? _recommendations.GetValueOrDefault(id)?.WorkerId : command.WorkerId;

    /// <summary>
    /// Hires a worker of the caller's division: from a recommendation (which then ends as hired), into a vacancy (which
    /// ends an open recommendation of it to the worker as hired), or directly by an employer without a vacancy; adds
    /// the placement and its WorkerPlaced event, and the caller saves. Every rule is checked before anything changes,
    /// so a refused hire (an exception) leaves nothing behind and the hires of a batch around it go on.
    /// </summary>
    public Placement Hire(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, FollowUpOptions followUp, TimeProvider clock, PlaceWorker command)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        Recommendation? recommendation = null;
        if (command.RecommendationId is { } recommendationId)
        {
            recommendation = _recommendations.GetValueOrDefault(recommendationId) ?? throw new NotFoundException("Recommendation", recommendationId);
            recommendation.EnsureOpen();
        }

        var workerId = recommendation?.WorkerId ?? command.WorkerId!.Value;
        var workerDivision = _workerDivisions.GetValueOrDefault(workerId) ?? throw new NotFoundException("Candidate", workerId);
        Vacancy? vacancy = null;
        if ((recommendation?.VacancyId ?? command.VacancyId) is { } vacancyId)
        {
            vacancy = _vacancies.GetValueOrDefault(vacancyId) ?? throw new NotFoundException("Vacancy", vacancyId);
            try
            {
                vacancy.EnsureTakesHire(today);
            }
            catch (DomainException refused) when (refused.Code is "vacancy-full" or "vacancy-not-open")
            {
                // The request is sound; the vacancy's state refuses it, most often because concurrent hires took the
                // last places. A conflict (409) says so; a 422 would tell the caller their request was wrong.
                throw new ConflictException(refused.Code, refused.Message);
            }

            // A direct hire into a vacancy recommended to the worker is that recommendation's hire: it ends it, and counts for it.
            recommendation ??= _openForDirectHires.GetValueOrDefault((workerId, vacancyId)) is { IsOpen: true } open ? open : null;
        }

        var employerId = vacancy?.EmployerId ?? command.EmployerId!.Value;
        var employer = _employers.GetValueOrDefault(employerId) ?? throw new NotFoundException("Employer", employerId);
        var placement = Placement.Hire(
            Guid.CreateVersion7(now),
            workerId,
            workerDivision,
            employer.Id,
            vacancy?.Id,
            recommendation?.Id,
            vacancy?.Division ?? (employer.IsLocal ? employer.Division : null),
            vacancy?.PartnerCity ?? employer.PartnerCity,
            vacancy?.TradeCode ?? command.TradeCode,
            command.MonthlyWage!.Value,
            command.StartDate!.Value,
            followUp.CheckInMonths,
            currentUser.Id,
            now);

        // Only now, with every rule met, do the hire's changes begin.
        recommendation?.RecordOutcome(RecommendationOutcome.Hired, now, currentUser.Id, null, now);
        vacancy?.Hire(today, now);
        db.Placements.Add(placement);
        outbox.Enqueue(new WorkerPlaced(
            Guid.CreateVersion7(now),
            now,
            placement.Id,
            placement.WorkerId,
            placement.EmployerId,
            placement.VacancyId,
            placement.RecommendationId,
            placement.CrossRegion,
            placement.WorkplaceDivision,
            placement.PartnerCity,
            placement.TradeCode,
            placement.MonthlyWage,
            placement.StartDate));
        return placement;
    }
}
