using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Recommendations;
using Homeward.JobMatching.Domain.Fairs;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Fairs;

/// <summary>
/// An employer offers a worker who checked in one of the vacancies it brought: the offer is recorded as a job-fair
/// recommendation (WorkerRecommended), and hiring from that recommendation (POST /placements) places the worker.
/// </summary>
public sealed record MakeFairOffer(Guid FairId, Guid? WorkerId, Guid? VacancyId, string? Note) : ICommand<RecommendationView>;

public sealed class MakeFairOfferValidator : AbstractValidator<MakeFairOffer>
{
    public MakeFairOfferValidator()
    {
        RuleFor(c => c.WorkerId).NotEmpty().WithMessage("The worker is required.");
        RuleFor(c => c.VacancyId).NotEmpty().WithMessage("The vacancy is required.");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class MakeFairOfferHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MakeFairOffer, RecommendationView>
{
    public async ValueTask<RecommendationView> Handle(MakeFairOffer command, CancellationToken cancellationToken)
    {
        var fair = await FairAccess.FindAsync(db, command.FairId, cancellationToken);
        var workerId = command.WorkerId!.Value;
        var vacancyId = command.VacancyId!.Value;
        var facts = await RecommendationFacts.ReadAsync(db, currentUser, [workerId], [vacancyId], cancellationToken);
        var workerDivision = facts.Check(workerId, vacancyId, clock.Today());
        FairOffers.Check(fair, vacancyId, await db.FairCheckIns.AnyAsync(c => c.FairId == fair.Id && c.WorkerId == workerId, cancellationToken));

        var now = clock.GetUtcNow();
        var recommendation = facts.Record(db, outbox, currentUser, now, workerId, workerDivision, vacancyId, RecommendationChannel.JobFair, command.Note);
        FairOffers.Record(db, fair, recommendation, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.DiscardChanges();
            throw RecommendationFacts.AlreadyRecommended((await RecommendationFacts.OpenRecommendationAsync(db, workerId, vacancyId, cancellationToken))!.Value);
        }

        return RecommendationView.From(recommendation);
    }
}

/// <summary>What an offer at a fair takes beyond a recommendation, wherever it is made (one offer, or a batch of them).</summary>
public static class FairOffers
{
    /// <summary>The vacancy was brought to the fair and the worker checked in there (422 otherwise).</summary>
    public static void Check(JobFair fair, Guid vacancyId, bool workerCheckedIn)
    {
        if (!fair.VacancyIds.Contains(vacancyId))
        {
            throw new DomainException("fair-vacancy-not-offered", "The vacancy was not brought to this fair.");
        }

        if (!workerCheckedIn)
        {
            throw new DomainException("fair-worker-not-checked-in", "Only a worker who checked in at the fair gets an offer there.");
        }
    }

    /// <summary>Records the offer of a recommendation made at the fair (channel jobFair); the caller saves.</summary>
    public static void Record(IJobMatchingDbContext db, JobFair fair, Recommendation recommendation, DateTimeOffset now) =>
        db.FairOffers.Add(FairOffer.Record(Guid.CreateVersion7(now), fair.Id, recommendation.Id, recommendation.WorkerId, recommendation.WorkerDivision, recommendation.VacancyId, now));
}
