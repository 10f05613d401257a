using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.JobMatching;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.FollowUp;
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
    private const int MaxAttempts = 50;

    public async ValueTask<PlacementView> Handle(PlaceWorker command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PlaceAsync(command, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.DiscardChanges();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Beyond what hires alone can cause. Left alone it would answer 412, which asks for an If-Match a hire
                // never sends; the caller's remedy is to send the same request again.
                throw new ConflictException(
                    "hire-contended",
                    $"The vacancy or recommendation changed under this hire {MaxAttempts} times in a row; send the hire again.");
            }
        }
    }

    private async Task<PlacementView> PlaceAsync(PlaceWorker command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Recommendation? recommendation = null;
        if (command.RecommendationId is { } recommendationId)
        {
            recommendation = await db.Recommendations
                .WithinDivisionOf(currentUser, r => r.WorkerDivision)
                .FirstOrDefaultAsync(r => r.Id == recommendationId, cancellationToken)
                ?? throw new NotFoundException("Recommendation", recommendationId);
            recommendation.RecordOutcome(RecommendationOutcome.Hired, now, currentUser.Id, null, now);
        }

        var workerId = recommendation?.WorkerId ?? command.WorkerId!.Value;
        var candidate = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .FirstOrDefaultAsync(c => c.WorkerId == workerId && c.RegisteredAt != null, cancellationToken)
            ?? throw new NotFoundException("Candidate", workerId);

        Vacancy? vacancy = null;
        if ((recommendation?.VacancyId ?? command.VacancyId) is { } vacancyId)
        {
            vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken)
                ?? throw new NotFoundException("Vacancy", vacancyId);
            try
            {
                vacancy.Hire(clock.Today(), now);
            }
            catch (DomainException refused) when (refused.Code is "vacancy-full" or "vacancy-not-open")
            {
                // The request is sound; the vacancy's state refuses it, most often because concurrent hires took the
                // last places. A conflict (409) says so; a 422 would tell the caller their request was wrong.
                throw new ConflictException(refused.Code, refused.Message);
            }

            // A direct hire into a vacancy recommended to the worker is that recommendation's hire: it ends it, and counts for it.
            recommendation ??= await db.Recommendations
                .FirstOrDefaultAsync(r => r.WorkerId == workerId && r.VacancyId == vacancyId && r.IsOpen, cancellationToken);
            if (recommendation is { IsOpen: true })
            {
                recommendation.RecordOutcome(RecommendationOutcome.Hired, now, currentUser.Id, null, now);
            }
        }

        var employerId = vacancy?.EmployerId ?? command.EmployerId!.Value;
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employerId, cancellationToken)
            ?? throw new NotFoundException("Employer", employerId);
        var placement = Placement.Hire(
            Guid.CreateVersion7(now),
            candidate.WorkerId,
            candidate.HouseholdDivisionCode,
            employer.Id,
            vacancy?.Id,
            recommendation?.Id,
            vacancy?.Division ?? (employer.IsLocal ? employer.Division : null),
            vacancy?.PartnerCity ?? employer.PartnerCity,
            vacancy?.TradeCode ?? command.TradeCode,
            command.MonthlyWage!.Value,
            command.StartDate!.Value,
            followUp.Value.CheckInMonths,
            currentUser.Id,
            now);
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
        await db.SaveChangesAsync(cancellationToken);
        return PlacementView.From(placement);
    }
}
