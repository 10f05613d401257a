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
public sealed record RecordRecommendation(Guid WorkerId, Guid VacancyId, RecommendationChannel? Channel, string? Note) : ICommand<RecommendationView>;

public sealed class RecordRecommendationValidator : AbstractValidator<RecordRecommendation>
{
    public RecordRecommendationValidator()
    {
        RuleFor(c => c.WorkerId).NotEmpty().WithMessage("The worker is required.");
        RuleFor(c => c.VacancyId).NotEmpty().WithMessage("The vacancy is required.");
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class RecordRecommendationHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordRecommendation, RecommendationView>
{
    public async ValueTask<RecommendationView> Handle(RecordRecommendation command, CancellationToken cancellationToken)
    {
        var recommendation = await RecommendationRecorder.AddAsync(
            db, outbox, currentUser, clock, command.WorkerId, command.VacancyId, command.Channel ?? RecommendationChannel.Staff, command.Note, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Another request recommended the same vacancy to the same worker between our check and our insert.
            db.DiscardChanges();
            throw RecommendationRecorder.AlreadyRecommended((await RecommendationRecorder.OpenRecommendationAsync(db, command.WorkerId, command.VacancyId, cancellationToken))!.Value);
        }

        return RecommendationView.From(recommendation);
    }
}

/// <summary>What recording a recommendation takes, wherever it is made (by staff, or as an offer at a job fair).</summary>
public static class RecommendationRecorder
{
    /// <summary>
    /// Adds a recommendation of a vacancy that takes hires to a registered worker of the caller's division, and its
    /// WorkerRecommended event; the caller saves, and answers a unique violation with <see cref="AlreadyRecommended"/>.
    /// </summary>
    public static async Task<Recommendation> AddAsync(
        IJobMatchingDbContext db,
        IOutbox outbox,
        ICurrentUser currentUser,
        TimeProvider clock,
        Guid workerId,
        Guid vacancyId,
        RecommendationChannel channel,
        string? note,
        CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .FirstOrDefaultAsync(c => c.WorkerId == workerId && c.RegisteredAt != null, cancellationToken)
            ?? throw new NotFoundException("Candidate", workerId);
        var vacancy = await db.Vacancies.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken)
            ?? throw new NotFoundException("Vacancy", vacancyId);
        if (vacancy.Status != VacancyStatus.Open || vacancy.Remaining <= 0 || vacancy.ValidThrough < clock.Today())
        {
            throw new DomainException("vacancy-not-open", $"The vacancy is {Names.Of(vacancy.Status)} and takes no recommendations.");
        }

        if (await OpenRecommendationAsync(db, workerId, vacancyId, cancellationToken) is { } existing)
        {
            throw AlreadyRecommended(existing);
        }

        var now = clock.GetUtcNow();
        var recommendation = Recommendation.Record(
            Guid.CreateVersion7(now),
            candidate.WorkerId,
            candidate.HouseholdDivisionCode,
            vacancy.Id,
            channel,
            currentUser.Id,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            now);
        db.Recommendations.Add(recommendation);
        outbox.Enqueue(new WorkerRecommended(Guid.CreateVersion7(now), now, recommendation.Id, recommendation.WorkerId, recommendation.VacancyId, now));
        return recommendation;
    }

    public static async Task<Guid?> OpenRecommendationAsync(IJobMatchingDbContext db, Guid workerId, Guid vacancyId, CancellationToken cancellationToken) =>
        await db.Recommendations.AsNoTracking()
            .Where(r => r.WorkerId == workerId && r.VacancyId == vacancyId && r.IsOpen)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static ConflictException AlreadyRecommended(Guid recommendationId) =>
        new("recommendation-already-open", "This vacancy is already recommended to this worker and nothing has come of it yet.", JobMatchingPaths.Recommendation(recommendationId));
}
