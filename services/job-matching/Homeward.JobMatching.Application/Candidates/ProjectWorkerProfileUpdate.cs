using Homeward.Contracts.Registry;
using Homeward.JobMatching.Domain.Candidates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Candidates;

/// <summary>
/// Refreshes a candidate's name and household village from a profile update. An update that arrives before the
/// registration (events are not ordered) is kept only as far as it is newer than what the registration will bring:
/// the registration applies identity facts only when they are newer than those already known.
/// </summary>
public sealed record ProjectWorkerProfileUpdate(WorkerProfileUpdated Event) : ICommand;

public sealed class ProjectWorkerProfileUpdateHandler(IJobMatchingDbContext db) : ICommandHandler<ProjectWorkerProfileUpdate>
{
    public async ValueTask<Unit> Handle(ProjectWorkerProfileUpdate command, CancellationToken cancellationToken)
    {
        var updated = command.Event;
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.WorkerId == updated.WorkerId, cancellationToken);
        if (candidate is null)
        {
            db.Candidates.Add(Candidate.FromProfileUpdate(updated.WorkerId, updated.Name, updated.HouseholdDivision, updated.OccurredAt));
        }
        else
        {
            candidate.ApplyProfile(updated.Name, updated.HouseholdDivision, updated.OccurredAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
