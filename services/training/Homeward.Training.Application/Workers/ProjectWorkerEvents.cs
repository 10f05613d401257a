using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.SharedKernel;
using Homeward.Training.Domain.Outcomes;
using Homeward.Training.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Workers;

/// <summary>
/// Applies a batch of registry events (WorkerRegistered, WorkerProfileUpdated, EmploymentStatusChanged) to the worker
/// projection with one read of the workers concerned and one save. Each event touches only the group of facts it
/// carries and only when it is newer than what is known, so the outcome is the same in any order. A change into
/// employment is also kept as a start of work, for the outcomes of training. The workers' rows stay locked until the
/// batch commits, and what the batch changed in their counted training needs moves the counts per village and trade in
/// the same transaction: a redelivered event is not applied again (the inbox) and an older one changes nothing, so
/// neither moves a count.
/// </summary>
public sealed record ProjectWorkerEvents(IReadOnlyList<IIntegrationEvent> Events) : ICommand;

public sealed class ProjectWorkerEventsHandler(ITrainingDbContext db) : ICommandHandler<ProjectWorkerEvents>
{
    public async ValueTask<Unit> Handle(ProjectWorkerEvents command, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct => await ProjectAsync(command, ct), cancellationToken);

    private async Task<Unit> ProjectAsync(ProjectWorkerEvents command, CancellationToken cancellationToken)
    {
        var workerIds = command.Events.Select(WorkerOf).Distinct().ToList();
        var workers = (await db.LockWorkersAsync(workerIds, cancellationToken)).ToDictionary(w => w.WorkerId);
        var needChanges = new Dictionary<(string Division, string TradeCode), int>();
        foreach (var need in workers.Values.SelectMany(w => w.CountedNeeds()))
        {
            needChanges[need] = needChanges.GetValueOrDefault(need) - 1;
        }

        var employmentIds = command.Events.OfType<EmploymentStatusChanged>().Select(e => e.EventId).ToList();
        var knownEmployments = employmentIds.Count == 0
            ? []
            : await db.EmploymentRecords.Where(r => employmentIds.Contains(r.Id)).Select(r => r.Id).ToHashSetAsync(cancellationToken);
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
            if (integrationEvent is EmploymentStatusChanged changed && Worker.IsEmployment(changed.To) && knownEmployments.Add(changed.EventId))
            {
                db.EmploymentRecords.Add(EmploymentRecord.Started(
                    changed.EventId, changed.WorkerId, CityCalendar.DayOf(changed.ChangedAt), null, EmploymentSource.StatusChange));
            }
        }

        foreach (var need in workers.Values.SelectMany(w => w.CountedNeeds()))
        {
            needChanges[need] = needChanges.GetValueOrDefault(need) + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.CountTrainingNeedsAsync(
            [.. needChanges.Where(c => c.Value != 0).Select(c => new TrainingNeedChange(c.Key.Division, c.Key.TradeCode, c.Value))],
            cancellationToken);
        return Unit.Value;
    }

    private static void Apply(Worker worker, IIntegrationEvent integrationEvent)
    {
        switch (integrationEvent)
        {
            case WorkerRegistered registered:
                worker.ApplyRegistration(registered.Name, registered.HouseholdDivision, registered.OccurredAt);
                ApplyFacts(worker, registered.Facts, registered.OccurredAt);
                break;
            case WorkerProfileUpdated updated:
                worker.ApplyProfile(updated.Name, updated.HouseholdDivision, updated.OccurredAt);
                ApplyFacts(worker, updated.Facts, updated.OccurredAt);
                break;
            case EmploymentStatusChanged changed:
                worker.ApplyStatus(changed.To, changed.OccurredAt);
                break;
            default:
                throw new ArgumentException($"{integrationEvent.GetType().Name} is not a registry event training follows.", nameof(integrationEvent));
        }
    }

    private static void ApplyFacts(Worker worker, WorkerFacts? facts, DateTimeOffset asOf)
    {
        // Events written before profiles existed carry no facts; they leave the facts as they are.
        if (facts is null)
        {
            return;
        }

        worker.ApplyTrainingNeeds(facts.TrainingNeeds, asOf);
        worker.ApplyStatus(facts.Status, asOf);
    }

    private static Guid WorkerOf(IIntegrationEvent integrationEvent) => integrationEvent switch
    {
        WorkerRegistered registered => registered.WorkerId,
        WorkerProfileUpdated updated => updated.WorkerId,
        EmploymentStatusChanged changed => changed.WorkerId,
        _ => throw new ArgumentException($"{integrationEvent.GetType().Name} is not a registry event training follows.", nameof(integrationEvent)),
    };
}
