using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.Training;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A worker enrolled in a training: in training as of its first day, when they are seeking work, outside the labour
/// force, or already in another training (which this one then carries on). A worker with a job or a business who
/// takes a course keeps that status; the enrollment only goes into the history.
/// </summary>
public sealed record RecordTrainingEnrollment(TrainingEnrolled Event) : ICommand;

public sealed class RecordTrainingEnrollmentHandler(IRegistryDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RecordTrainingEnrollmentHandler> logger)
    : ICommandHandler<RecordTrainingEnrollment>
{
    public async ValueTask<Unit> Handle(RecordTrainingEnrollment command, CancellationToken cancellationToken)
    {
        var enrolled = command.Event;
        if (await PlatformWorkers.FindAsync(db, enrolled.WorkerId, enrolled, logger, cancellationToken) is { } worker)
        {
            var refusal = worker.Status is EmploymentStatus.SeekingWork or EmploymentStatus.NotInLabourForce or EmploymentStatus.InTraining
                ? null
                : $"the worker is {EnumNames.Of(worker.Status)}";
            await new PlatformStatusFacts(db, outbox, clock.GetUtcNow())
                .StartAsync(worker, PlatformActivity.Training(enrolled.EnrollmentId), EmploymentStatus.InTraining, enrolled.StartsOn, refusal, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
