using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.FollowUp;
using Homeward.JobMatching.Application.Recommendations;
using Mediator;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Placements;

/// <summary>
/// Makes up to <see cref="MaxItems"/> hires at once, each by the rules of a single one (<see cref="PlaceWorker"/>); a
/// hire that breaks one is rejected and the others are made, all in one transaction. Hires into the same vacancy take
/// its places in the order of the batch; the last place makes it filled, and the hires after it are rejected (409 vacancy-not-open). A batch that
/// loses a race with other hires on a vacancy or recommendation starts again from the database, as a single hire does.
/// </summary>
public sealed record PlaceWorkers(IReadOnlyList<PlaceWorker?> Items) : ICommand<PlacementBatchReport>
{
    public const int MaxItems = 500;
}

/// <param name="Index">The item's position in the batch, from 0.</param>
/// <param name="PlacementId">The placement made.</param>
/// <param name="WorkerId">The worker hired (of a rejected hire from a recommendation not found, null).</param>
public sealed record PlacementBatchItemResult(int Index, BatchItemResult Result, Guid? PlacementId, Guid? WorkerId, Guid? RecommendationId, BatchItemProblem? Problem);

public sealed record PlacementBatchReport(int Created, int Rejected, IReadOnlyList<PlacementBatchItemResult> Items);

public sealed class PlaceWorkersValidator : AbstractValidator<PlaceWorkers>
{
    public PlaceWorkersValidator()
    {
        RuleFor(c => c.Items).Must(items => items.Count is >= 1 and <= PlaceWorkers.MaxItems)
            .WithMessage($"A batch holds 1 to {PlaceWorkers.MaxItems} hires.");
        RuleForEach(c => c.Items).NotNull().WithMessage("An item cannot be null.").SetValidator(new PlaceWorkerValidator()!);
        RuleFor(c => c.Items).Custom((items, context) =>
        {
            var seen = new HashSet<(Guid?, Guid?, Guid?, Guid?)>();
            for (var index = 0; index < items.Count; index++)
            {
                if (items[index] is { } item && !seen.Add((item.RecommendationId, item.VacancyId, item.EmployerId, item.WorkerId)))
                {
                    context.AddFailure($"Items[{index}]", "The same hire (recommendation, or worker into the same vacancy or employer) comes earlier in the batch.");
                }
            }
        });
    }
}

public sealed class PlaceWorkersHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, IOptions<FollowUpOptions> followUp, TimeProvider clock)
    : ICommandHandler<PlaceWorkers, PlacementBatchReport>
{
    public async ValueTask<PlacementBatchReport> Handle(PlaceWorkers command, CancellationToken cancellationToken)
    {
        var hires = command.Items.Select(i => i!).ToList();
        return await Hiring.RetryingLostRacesAsync(db, async () =>
        {
            var hiring = await Hiring.ReadAsync(db, currentUser, hires, cancellationToken);
            var results = new List<PlacementBatchItemResult>(hires.Count);
            foreach (var (hire, index) in hires.Select((hire, index) => (hire, index)))
            {
                try
                {
                    var placement = hiring.Hire(db, outbox, currentUser, followUp.Value, clock, hire);
                    results.Add(new PlacementBatchItemResult(index, BatchItemResult.Created, placement.Id, placement.WorkerId, placement.RecommendationId, null));
                }
                catch (Exception refused) when (BatchItemProblem.From(refused) is { } problem)
                {
                    results.Add(new PlacementBatchItemResult(index, BatchItemResult.Rejected, null, hiring.WorkerOf(hire), hire.RecommendationId, problem));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var created = results.Count(r => r.Result == BatchItemResult.Created);
            return new PlacementBatchReport(created, results.Count - created, results);
        });
    }
}
