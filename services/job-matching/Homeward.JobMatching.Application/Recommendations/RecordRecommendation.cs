using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.JobMatching;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Recommendations;

/// <summary>
/// Records that a vacancy was recommended to a worker of the caller's division (the vacancy may be anywhere, as
/// matching proposes it) and announces WorkerRecommended. The vacancy must take hires. While a recommendation of the
/// same vacancy to the same worker is open, another is a conflict pointing to it.
/// </summary>
public sealed record RecordRecommendation(Guid WorkerId, Guid VacancyId, RecommendationChannel? Channel, string? Note) : ICommand<RecommendationView>, IRecommendationInput;

/// <summary>What a recommendation asks for, alone or as an item of a batch.</summary>
public interface IRecommendationInput
{
    Guid WorkerId { get; }

    Guid VacancyId { get; }

    RecommendationChannel? Channel { get; }

    string? Note { get; }
}

public class RecommendationInputValidator<T> : AbstractValidator<T>
    where T : IRecommendationInput
{
    public RecommendationInputValidator()
    {
        RuleFor(c => c.WorkerId).NotEmpty().WithMessage("The worker is required.");
        RuleFor(c => c.VacancyId).NotEmpty().WithMessage("The vacancy is required.");
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class RecordRecommendationValidator : RecommendationInputValidator<RecordRecommendation>;

public sealed class RecordRecommendationHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordRecommendation, RecommendationView>
{
    public async ValueTask<RecommendationView> Handle(RecordRecommendation command, CancellationToken cancellationToken)
    {
        var facts = await RecommendationFacts.ReadAsync(db, currentUser, [command.WorkerId], [command.VacancyId], cancellationToken);
        var workerDivision = facts.Check(command.WorkerId, command.VacancyId, clock.Today());
        var recommendation = facts.Record(
            db, outbox, currentUser, clock.GetUtcNow(), command.WorkerId, workerDivision, command.VacancyId, command.Channel ?? RecommendationChannel.Staff, command.Note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Another request recommended the same vacancy to the same worker between our check and our insert.
            db.DiscardChanges();
            throw RecommendationFacts.AlreadyRecommended((await RecommendationFacts.OpenRecommendationAsync(db, command.WorkerId, command.VacancyId, cancellationToken))!.Value);
        }

        return RecommendationView.From(recommendation);
    }
}

/// <summary>
/// What recording recommendations of some pairs of workers and vacancies needs to know, read at once whether there is
/// one pair (a single recommendation, an offer at a fair) or hundreds (a batch): the registered workers of the caller's
/// division among them, the vacancies, and the pairs already recommended and still open. <see cref="Check"/> applies
/// the rules to a pair and <see cref="Record"/> adds it, so that every path records a recommendation alike.
/// </summary>
public sealed class RecommendationFacts
{
    private readonly Dictionary<Guid, string> _workerDivisions;
    private readonly Dictionary<Guid, Vacancy> _vacancies;
    private readonly Dictionary<(Guid WorkerId, Guid VacancyId), Guid> _open;

    private RecommendationFacts(Dictionary<Guid, string> workerDivisions, Dictionary<Guid, Vacancy> vacancies, Dictionary<(Guid, Guid), Guid> open)
    {
        _workerDivisions = workerDivisions;
        _vacancies = vacancies;
        _open = open;
    }

    public static async Task<RecommendationFacts> ReadAsync(
        IJobMatchingDbContext db, ICurrentUser currentUser, IReadOnlyCollection<Guid> workerIds, IReadOnlyCollection<Guid> vacancyIds, CancellationToken cancellationToken)
    {
        var workers = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .Where(c => workerIds.Contains(c.WorkerId) && c.RegisteredAt != null)
            .Select(c => new { c.WorkerId, c.HouseholdDivisionCode })
            .ToDictionaryAsync(c => c.WorkerId, c => c.HouseholdDivisionCode, cancellationToken);
        var vacancies = await db.Vacancies.AsNoTracking().Where(v => vacancyIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var open = await db.Recommendations.AsNoTracking()
            .Where(r => workerIds.Contains(r.WorkerId) && vacancyIds.Contains(r.VacancyId) && r.IsOpen)
            .Select(r => new { r.WorkerId, r.VacancyId, r.Id })
            .ToDictionaryAsync(r => (r.WorkerId, r.VacancyId), r => r.Id, cancellationToken);
        return new RecommendationFacts(workers, vacancies, open);
    }

    /// <summary>
    /// The worker's household division when a recommendation of the vacancy to the worker may be recorded: a
    /// registered worker of the caller's division (404 otherwise), a vacancy that takes hires (404, 422
    /// vacancy-not-open) and no open recommendation of the same pair (409 pointing to it).
    /// </summary>
    public string Check(Guid workerId, Guid vacancyId, DateOnly today)
    {
        var workerDivision = _workerDivisions.GetValueOrDefault(workerId) ?? throw new NotFoundException("Candidate", workerId);
        var vacancy = _vacancies.GetValueOrDefault(vacancyId) ?? throw new NotFoundException("Vacancy", vacancyId);
        if (vacancy.Status != VacancyStatus.Open || vacancy.Remaining <= 0 || vacancy.ValidThrough < today)
        {
            throw new DomainException("vacancy-not-open", $"The vacancy is {EnumNames.Of(vacancy.Status)} and takes no recommendations.");
        }

        return _open.TryGetValue((workerId, vacancyId), out var existing) ? throw AlreadyRecommended(existing) : workerDivision;
    }

    /// <summary>Adds a recommendation that <see cref="Check"/> allowed, and its WorkerRecommended event; the caller saves.</summary>
    public Recommendation Record(
        IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, DateTimeOffset now, Guid workerId, string workerDivision, Guid vacancyId, RecommendationChannel channel, string? note)
    {
        var recommendation = Recommendation.Record(
            Guid.CreateVersion7(now), workerId, workerDivision, vacancyId, channel, currentUser.Id, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
        db.Recommendations.Add(recommendation);
        outbox.Enqueue(new WorkerRecommended(Guid.CreateVersion7(now), now, recommendation.Id, recommendation.WorkerId, recommendation.VacancyId, now));
        _open[(workerId, vacancyId)] = recommendation.Id;
        return recommendation;
    }

    /// <summary>The open recommendation of the pair, as read or recorded since.</summary>
    public Guid? OpenRecommendation(Guid workerId, Guid vacancyId) => _open.TryGetValue((workerId, vacancyId), out var id) ? id : null;

    public static async Task<Guid?> OpenRecommendationAsync(IJobMatchingDbContext db, Guid workerId, Guid vacancyId, CancellationToken cancellationToken) =>
        await db.Recommendations.AsNoTracking()
            .Where(r => r.WorkerId == workerId && r.VacancyId == vacancyId && r.IsOpen)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static ConflictException AlreadyRecommended(Guid recommendationId) =>
        new("recommendation-already-open", "This vacancy is already recommended to this worker and nothing has come of it yet.", JobMatchingPaths.Recommendation(recommendationId));
}
