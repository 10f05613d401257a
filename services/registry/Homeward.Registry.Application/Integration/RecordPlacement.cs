using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.JobMatching;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A worker was hired: employed locally, or elsewhere for a job outside the city, as of the start date (see
/// <see cref="PlatformStatusFacts"/> for how late, repeated and impossible facts are handled).
/// </summary>
public sealed record RecordPlacement(WorkerPlaced Event) : ICommand;

public sealed class RecordPlacementHandler(IRegistryDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RecordPlacementHandler> logger)
    : ICommandHandler<RecordPlacement>
{
    public async ValueTask<Unit> Handle(RecordPlacement command, CancellationToken cancellationToken)
    {
        var placed = command.Event;
        if (await PlatformWorkers.FindAsync(db, placed.WorkerId, placed, logger, cancellationToken) is { } worker)
        {
            var status = placed.CrossRegion ? EmploymentStatus.EmployedElsewhere : EmploymentStatus.EmployedLocally;
            await new PlatformStatusFacts(db, outbox, clock.GetUtcNow())
                .StartAsync(worker, PlatformActivity.Placement(placed.PlacementId), status, placed.StartDate, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
