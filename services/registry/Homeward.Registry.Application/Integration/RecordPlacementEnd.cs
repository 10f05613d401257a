using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.JobMatching;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A placement ended: the worker seeks work again as of the end date, if their status still stands on that placement
/// (not on a later job, a business, or a staff member's entry; see <see cref="PlatformStatusFacts"/>).
/// </summary>
public sealed record RecordPlacementEnd(PlacementEnded Event) : ICommand;

public sealed class RecordPlacementEndHandler(IRegistryDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RecordPlacementEndHandler> logger)
    : ICommandHandler<RecordPlacementEnd>
{
    public async ValueTask<Unit> Handle(RecordPlacementEnd command, CancellationToken cancellationToken)
    {
        var ended = command.Event;
        if (await PlatformWorkers.FindAsync(db, ended.WorkerId, ended, logger, cancellationToken) is { } worker)
        {
            await new PlatformStatusFacts(db, outbox, clock.GetUtcNow())
                .EndAsync(worker, PlatformActivity.Placement(ended.PlacementId), ended.EndDate, ended.Reason, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
