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
        var recommendation = await RecommendationRecorder.AddAsync(
            db, outbox, currentUser, clock, workerId, vacancyId, RecommendationChannel.JobFair, command.Note, cancellationToken);
        if (!fair.VacancyIds.Contains(vacancyId))
        {
            throw new DomainException("fair-vacancy-not-offered", "The vacancy was not brought to this fair.");
        }

        if (!await db.FairCheckIns.AnyAsync(c => c.FairId == fair.Id && c.WorkerId == workerId, cancellationToken))
        {
            throw new DomainException("fair-worker-not-checked-in", "Only a worker who checked in at the fair gets an offer there.");
        }

        var now = clock.GetUtcNow();
        db.FairOffers.Add(FairOffer.Record(Guid.CreateVersion7(now), fair.Id, recommendation.Id, workerId, recommendation.WorkerDivision, vacancyId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.DiscardChanges();
            throw RecommendationRecorder.AlreadyRecommended((await RecommendationRecorder.OpenRecommendationAsync(db, workerId, vacancyId, cancellationToken))!.Value);
        }

        return RecommendationView.From(recommendation);
    }
}
