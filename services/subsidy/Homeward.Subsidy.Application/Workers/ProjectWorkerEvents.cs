using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.Contracts.Training;
using Homeward.SharedKernel;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Workers;

/// <summary>
/// Applies a batch of registry and training events (WorkerRegistered, WorkerProfileUpdated, EmploymentStatusChanged,
/// TrainingCompleted) to the worker facts with one read of the workers concerned and one save. Each event touches only
/// the group of facts it carries and only when it is newer than what is known, so the outcome is the same in any
/// order. The inbox around it makes a redelivered event do nothing. The workers concerned are then evaluated against
/// every active policy, and a notification is made for each policy one of them has newly become eligible for, in the
/// same transaction.
/// </summary>
public sealed record ProjectWorkerEvents(IReadOnlyList<IIntegrationEvent> Events) : ICommand;

public sealed class ProjectWorkerEventsHandler(ISubsidyDbContext db, TimeProvider clock) : ICommandHandler<ProjectWorkerEvents>
{
    public async ValueTask<Unit> Handle(ProjectWorkerEvents command, CancellationToken cancellationToken)
    {
        var workerIds = command.Events.Select(WorkerOf).Distinct().ToList();
        var workers = await db.Workers
            .Where(w => workerIds.Contains(w.WorkerId))
            .ToDictionaryAsync(w => w.WorkerId, cancellationToken);
        foreach (var integrationEvent in command.Events)
        {
            var workerId = WorkerOf(integrationEvent);
            if (!workers.TryGetValue(workerId, out var worker))
            {
                worker = Worker.Unknown(workerId);
                workers.Add(workerId, worker);
                db.Workers.Add(worker);
            }

            Apply(worker, integrationEvent);
        }

        var now = clock.GetUtcNow();
        var eligibility = await EligibilityContext.LoadAsync(db, workerIds, CityCalendar.DayOf(now), cancellationToken);
        var existing = await EligibilityContext.ExistingEntriesAsync(db, workerIds, cancellationToken);
        db.Funnel.AddRange(eligibility.NewlyEligible(workers.Values, existing, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static void Apply(Worker worker, IIntegrationEvent integrationEvent)
    {
        switch (integrationEvent)
        {
            case WorkerRegistered registered:
                worker.ApplyRegistration(registered.Name, registered.BirthDate, registered.HouseholdDivision, registered.OccurredAt);
                ApplyFacts(worker, registered.Facts, registered.OccurredAt);
                break;
            case WorkerProfileUpdated updated:
                worker.ApplyProfile(updated.Name, updated.HouseholdDivision, updated.OccurredAt);
                ApplyFacts(worker, updated.Facts, updated.OccurredAt);
                break;
            case EmploymentStatusChanged changed:
                if (EnumNames.Parse<WorkerStatus>(changed.To) is { } status)
                {
                    worker.ApplyStatus(status, changed.OccurredAt);
                }

                break;
            case TrainingCompleted completed:
                worker.ApplyTrainingCompleted(new CompletedTraining(completed.EnrollmentId, completed.TradeCode, completed.CompletedOn));
                break;
            default:
                throw new ArgumentException($"{integrationEvent.GetType().Name} is not an event the worker facts follow.", nameof(integrationEvent));
        }
    }

    private static void ApplyFacts(Worker worker, WorkerFacts? facts, DateTimeOffset asOf)
    {
        // Events written before profiles existed carry no facts; they leave the facts as they are.
        if (facts is null)
        {
            return;
        }

        worker.ApplyFacts(facts.ReturnedOn, asOf);
        if (EnumNames.Parse<WorkerStatus>(facts.Status) is { } status)
        {
            worker.ApplyStatus(status, asOf);
        }
    }

    public static Guid WorkerOf(IIntegrationEvent integrationEvent) => integrationEvent switch
    {
        WorkerRegistered registered => registered.WorkerId,
        WorkerProfileUpdated updated => updated.WorkerId,
        EmploymentStatusChanged changed => changed.WorkerId,
        TrainingCompleted completed => completed.WorkerId,
        _ => throw new ArgumentException($"{integrationEvent.GetType().Name} is not an event the worker facts follow.", nameof(integrationEvent)),
    };
}
