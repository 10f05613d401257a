using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Fairs;
using Homeward.JobMatching.Domain.Fairs;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Recommendations;

/// <summary>One recommendation of a batch, as POST /recommendations takes it; with a fair, an offer made at that fair.</summary>
/// <param name="FairId">The fair where the vacancy was offered: the item is then an offer there (channel jobFair), as POST /job-fairs/{id}/offers.</param>
/// <param name="CheckIn">Of an offer at a fair: record the worker's check-in there too, unless it is recorded already.</param>
public sealed record RecommendationBatchItem(Guid WorkerId, Guid VacancyId, RecommendationChannel? Channel = null, string? Note = null, Guid? FairId = null, bool? CheckIn = null)
    : IRecommendationInput;

/// <summary>
/// Records up to <see cref="MaxItems"/> recommendations at once, each by the rules of a single one; an item that breaks
/// one is rejected and the others are recorded, all in one transaction. Sending the batch again records nothing more:
/// its pairs are then open recommendations, which each item's problem points to.
/// </summary>
public sealed record RecordRecommendations(IReadOnlyList<RecommendationBatchItem?> Items) : ICommand<RecommendationBatchReport>
{
    public const int MaxItems = 500;
}

public enum BatchItemResult
{
    Created = 0,
    Rejected = 1,
}

/// <param name="Index">The item's position in the batch, from 0.</param>
/// <param name="RecommendationId">The recommendation recorded; of a rejection for an open recommendation of the pair, that one.</param>
public sealed record RecommendationBatchItemResult(
    int Index, Guid WorkerId, Guid VacancyId, BatchItemResult Result, Guid? RecommendationId, BatchItemProblem? Problem);

public sealed record RecommendationBatchReport(int Created, int Rejected, IReadOnlyList<RecommendationBatchItemResult> Items);

public sealed class RecommendationBatchItemValidator : RecommendationInputValidator<RecommendationBatchItem>
{
    public RecommendationBatchItemValidator()
    {
        RuleFor(c => c.Channel).Must(channel => channel is null or RecommendationChannel.JobFair).When(c => c.FairId is not null)
            .WithMessage("An offer at a fair is a recommendation through the channel jobFair.");
        RuleFor(c => c.FairId).NotEmpty().When(c => c.FairId is not null).WithMessage("The fair is an id.");
        RuleFor(c => c.CheckIn).Null().When(c => c.FairId is null).WithMessage("A check-in is at a fair; give fairId with it.");
    }
}

public sealed class RecordRecommendationsValidator : AbstractValidator<RecordRecommendations>
{
    public RecordRecommendationsValidator()
    {
        RuleFor(c => c.Items).Must(items => items.Count is >= 1 and <= RecordRecommendations.MaxItems)
            .WithMessage($"A batch holds 1 to {RecordRecommendations.MaxItems} recommendations.");
        RuleForEach(c => c.Items).NotNull().WithMessage("An item cannot be null.").SetValidator(new RecommendationBatchItemValidator()!);
        RuleFor(c => c.Items).Custom((items, context) =>
        {
            var seen = new HashSet<(Guid, Guid)>();
            for (var index = 0; index < items.Count; index++)
            {
                if (items[index] is { } item && !seen.Add((item.WorkerId, item.VacancyId)))
                {
                    context.AddFailure($"Items[{index}]", "The same vacancy is recommended to the same worker earlier in the batch.");
                }
            }
        });
    }
}

public sealed class RecordRecommendationsHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordRecommendations, RecommendationBatchReport>
{
    /// <summary>A concurrent writer of the same pairs or check-ins makes the batch start again from the database; each lost race is someone else's success.</summary>
    private const int MaxAttempts = 5;

    public async ValueTask<RecommendationBatchReport> Handle(RecordRecommendations command, CancellationToken cancellationToken)
    {
        var items = command.Items.Select(i => i!).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordAsync(items, cancellationToken);
            }
            catch (UniqueConstraintViolationException) when (attempt < MaxAttempts)
            {
                db.DiscardChanges();
            }
            catch (UniqueConstraintViolationException)
            {
                db.DiscardChanges();
                throw new ConflictException(
                    "batch-contended", $"Other requests recorded the same recommendations or check-ins under this batch {MaxAttempts} times in a row; send it again.");
            }
        }
    }

    private async Task<RecommendationBatchReport> RecordAsync(IReadOnlyList<RecommendationBatchItem> items, CancellationToken cancellationToken)
    {
        var workerIds = items.Select(i => i.WorkerId).Distinct().ToList();
        var facts = await RecommendationFacts.ReadAsync(db, currentUser, workerIds, [.. items.Select(i => i.VacancyId).Distinct()], cancellationToken);
        var fairIds = items.Where(i => i.FairId is not null).Select(i => i.FairId!.Value).Distinct().ToList();
        var fairs = fairIds.Count == 0
            ? []
            : await db.JobFairs.AsNoTracking().Where(f => fairIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var checkedIn = fairIds.Count == 0
            ? []
            : (await db.FairCheckIns.AsNoTracking()
                .Where(c => fairIds.Contains(c.FairId) && workerIds.Contains(c.WorkerId))
                .Select(c => new { c.FairId, c.WorkerId })
                .ToListAsync(cancellationToken))
                .Select(c => (c.FairId, c.WorkerId))
                .ToHashSet();

        var today = clock.Today();
        var now = clock.GetUtcNow();
        var results = new List<RecommendationBatchItemResult>(items.Count);
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            try
            {
                var fair = item.FairId is { } fairId ? fairs.GetValueOrDefault(fairId) ?? throw new NotFoundException("JobFair", fairId) : null;
                var workerDivision = facts.Check(item.WorkerId, item.VacancyId, today);
                if (fair is not null)
                {
                    FairOffers.Check(fair, item.VacancyId, item.CheckIn == true || checkedIn.Contains((fair.Id, item.WorkerId)));
                }

                var recommendation = facts.Record(
                    db, outbox, currentUser, now, item.WorkerId, workerDivision, item.VacancyId, fair is null ? item.Channel ?? RecommendationChannel.Staff : RecommendationChannel.JobFair, item.Note);
                if (fair is not null)
                {
                    if (checkedIn.Add((fair.Id, item.WorkerId)))
                    {
                        db.FairCheckIns.Add(FairCheckIn.Record(Guid.CreateVersion7(now), fair.Id, item.WorkerId, workerDivision, currentUser.Id, now));
                    }

                    FairOffers.Record(db, fair, recommendation, now);
                }

                results.Add(new RecommendationBatchItemResult(index, item.WorkerId, item.VacancyId, BatchItemResult.Created, recommendation.Id, null));
            }
            catch (Exception refused) when (BatchItemProblem.From(refused) is { } problem)
            {
                // Every rule is checked before anything is added, so a rejected item leaves nothing behind.
                var existing = refused is ConflictException { Code: "recommendation-already-open" } ? facts.OpenRecommendation(item.WorkerId, item.VacancyId) : null;
                results.Add(new RecommendationBatchItemResult(index, item.WorkerId, item.VacancyId, BatchItemResult.Rejected, existing, problem));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var created = results.Count(r => r.Result == BatchItemResult.Created);
        return new RecommendationBatchReport(created, results.Count - created, results);
    }
}
