using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.JobMatching.Domain.Candidates;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Homeward.SharedKernel.Identity;

namespace Homeward.JobMatching.Application.Candidates;

/// <summary>
/// Applies a batch of registry events (WorkerRegistered, WorkerProfileUpdated, EmploymentStatusChanged) to the
/// candidate projection with one read of the candidates concerned, one bulk insert of the new ones and one save of the
/// changed ones. Each event touches only the group of facts it carries and only when it is newer than what is known,
/// so the outcome is the same in any order.
/// </summary>
public sealed record ProjectCandidateEvents(IReadOnlyList<IIntegrationEvent> Events) : ICommand;

/// <summary>Stores candidates that do not exist yet in one statement, within the unit of work's transaction.</summary>
public interface INewCandidates
{
    Task AddAsync(IReadOnlyCollection<Candidate> candidates, CancellationToken cancellationToken);
}

public sealed class ProjectCandidateEventsHandler(IJobMatchingDbContext db, INewCandidates newCandidates) : ICommandHandler<ProjectCandidateEvents>
{
    public async ValueTask<Unit> Handle(ProjectCandidateEvents command, CancellationToken cancellationToken)
    {
        var workerIds = command.Events.Select(WorkerOf).Distinct().ToList();
        var candidates = await db.Candidates
            .Where(c => workerIds.Contains(c.WorkerId))
            .ToDictionaryAsync(c => c.WorkerId, cancellationToken);
        var created = new List<Candidate>();
        foreach (var integrationEvent in command.Events)
        {
            var workerId = WorkerOf(integrationEvent);
            if (!candidates.TryGetValue(workerId, out var candidate))
            {
                candidate = Candidate.Unknown(workerId);
                candidates.Add(workerId, candidate);
                created.Add(candidate);
            }

            Apply(candidate, integrationEvent);
        }

        // Two batches that both create a candidate collide on its key; the loser's whole batch is retried and then finds it.
        if (created.Count > 0)
        {
            await newCandidates.AddAsync(created, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static void Apply(Candidate candidate, IIntegrationEvent integrationEvent)
    {
        switch (integrationEvent)
        {
            case WorkerRegistered registered:
                candidate.ApplyRegistration(
                    registered.Name,
                    registered.Gender == "male" ? Gender.Male : Gender.Female,
                    registered.BirthDate,
                    registered.HouseholdDivision,
                    registered.OccurredAt);
                ApplyFacts(candidate, registered.Facts, registered.OccurredAt);
                break;
            case WorkerProfileUpdated updated:
                candidate.ApplyProfile(updated.Name, updated.HouseholdDivision, updated.OccurredAt);
                ApplyFacts(candidate, updated.Facts, updated.OccurredAt);
                break;
            case EmploymentStatusChanged changed when CandidateFactsMapper.Status(changed.To) is { } status:
                candidate.ApplyStatus(status, changed.OccurredAt);
                break;
            case EmploymentStatusChanged:
                break;
            default:
                throw new ArgumentException($"{integrationEvent.GetType().Name} is not a registry event the candidates follow.", nameof(integrationEvent));
        }
    }

    private static void ApplyFacts(Candidate candidate, WorkerFacts? facts, DateTimeOffset asOf)
    {
        // Events written before profiles existed carry no facts; they leave the facts as they are.
        if (facts is null)
        {
            return;
        }

        candidate.ApplyFacts(CandidateFactsMapper.From(facts), asOf);
        if (CandidateFactsMapper.Status(facts.Status) is { } status)
        {
            candidate.ApplyStatus(status, asOf);
        }
    }

    private static Guid WorkerOf(IIntegrationEvent integrationEvent) => integrationEvent switch
    {
        WorkerRegistered registered => registered.WorkerId,
        WorkerProfileUpdated updated => updated.WorkerId,
        EmploymentStatusChanged changed => changed.WorkerId,
        _ => throw new ArgumentException($"{integrationEvent.GetType().Name} is not a registry event the candidates follow.", nameof(integrationEvent)),
    };
}
