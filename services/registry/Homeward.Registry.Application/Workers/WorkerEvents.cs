using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.Registry;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;

namespace Homeward.Registry.Application.Workers;

/// <summary>The registry's events about a worker, written to the outbox in the same unit of work as the change.</summary>
public static class WorkerEvents
{
    /// <summary>Facts that stay inside the registry: the phone number, and the family's circumstances.</summary>
    private static readonly HashSet<string> PrivateFacts = ["phone", "family"];

    public static void ProfileUpdated(IOutbox outbox, Worker worker, IReadOnlyList<string> changed, DateTimeOffset now)
    {
        var shared = changed.Where(field => !PrivateFacts.Contains(field)).ToList();
        if (shared.Count > 0)
        {
            outbox.Enqueue(new WorkerProfileUpdated(
                Guid.CreateVersion7(now), now, worker.Id, shared, worker.Name, worker.HouseholdDivisionCode, WorkerFactsMapper.From(worker)));
        }
    }

    public static void StatusChanged(IOutbox outbox, Worker worker, StatusChange change, DateTimeOffset now)
    {
        if (change.From is not { } from)
        {
            return;
        }

        outbox.Enqueue(new EmploymentStatusChanged(
            Guid.CreateVersion7(now),
            now,
            worker.Id,
            EnumNames.Of(from),
            EnumNames.Of(change.To),
            change.ChangedAt,
            EnumNames.Of(change.Source),
            worker.HouseholdDivisionCode));
    }
}
