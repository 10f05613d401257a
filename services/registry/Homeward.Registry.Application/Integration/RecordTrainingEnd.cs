using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts;
using Homeward.Contracts.Training;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A worker completed a training, or left it: seeking work again as of that day, if their status still stands on that
/// enrollment (see <see cref="PlatformStatusFacts"/>).
/// </summary>
public sealed record RecordTrainingCompletion(TrainingCompleted Event) : ICommand;

/// <inheritdoc cref="RecordTrainingCompletion"/>
public sealed record RecordTrainingDrop(TrainingDropped Event) : ICommand;

public sealed class RecordTrainingEndHandler(IRegistryDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RecordTrainingEndHandler> logger)
    : ICommandHandler<RecordTrainingCompletion>, ICommandHandler<RecordTrainingDrop>
{
    public ValueTask<Unit> Handle(RecordTrainingCompletion command, CancellationToken cancellationToken) =>
        EndAsync(command.Event, command.Event.WorkerId, command.Event.EnrollmentId, command.Event.CompletedOn, "completed", cancellationToken);

    public ValueTask<Unit> Handle(RecordTrainingDrop command, CancellationToken cancellationToken) =>
        EndAsync(command.Event, command.Event.WorkerId, command.Event.EnrollmentId, command.Event.DroppedOn, "dropped", cancellationToken);

    private async ValueTask<Unit> EndAsync(IIntegrationEvent ended, Guid workerId, Guid enrollmentId, DateOnly on, string how, CancellationToken cancellationToken)
    {
        if (await PlatformWorkers.FindAsync(db, workerId, ended, logger, cancellationToken) is { } worker)
        {
            await new PlatformStatusFacts(db, outbox, clock.GetUtcNow())
                .EndAsync(worker, PlatformActivity.Training(enrollmentId), on, how, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
