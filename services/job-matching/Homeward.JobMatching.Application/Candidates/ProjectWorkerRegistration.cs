using Homeward.Contracts.Registry;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.SharedKernel.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Candidates;

/// <summary>Creates or refreshes the candidate of a registered worker.</summary>
public sealed record ProjectWorkerRegistration(WorkerRegistered Event) : ICommand;

public sealed class ProjectWorkerRegistrationHandler(IJobMatchingDbContext db) : ICommandHandler<ProjectWorkerRegistration>
{
    public async ValueTask<Unit> Handle(ProjectWorkerRegistration command, CancellationToken cancellationToken)
    {
        var registered = command.Event;
        var gender = registered.Gender == "male" ? Gender.Male : Gender.Female;
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.WorkerId == registered.WorkerId, cancellationToken);
        if (candidate is null)
        {
            db.Candidates.Add(Candidate.Registered(
                registered.WorkerId,
                registered.Name,
                gender,
                registered.BirthDate,
                registered.HouseholdDivision,
                registered.OccurredAt));
        }
        else
        {
            candidate.ApplyRegistration(registered.Name, gender, registered.BirthDate, registered.HouseholdDivision, registered.OccurredAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
