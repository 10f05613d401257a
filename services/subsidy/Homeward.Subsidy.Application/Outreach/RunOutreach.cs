using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Application.Policies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Outreach;

/// <summary>
/// Evaluates every registered worker of the caller's division against every active policy and notifies those newly
/// eligible: after a new policy or a revised rule, the people it is for are found without waiting for their next event.
/// Works a chunk of workers at a time, each chunk in its own transaction, so a long run holds no locks for long.
/// </summary>
public sealed record RunOutreach : ICommand<OutreachRun>;

public sealed record OutreachRun(int WorkersEvaluated, int PoliciesActive, int Notified);

public sealed class RunOutreachHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RunOutreach, OutreachRun>
{
    public const int ChunkSize = 2000;

    public async ValueTask<OutreachRun> Handle(RunOutreach command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var policies = await db.ActiveAsync(today, cancellationToken);
        var evaluated = 0;
        var notified = 0;
        Guid? after = null;
        while (true)
        {
            var workers = await db.Workers.AsNoTracking()
                .WithinDivisionOf(currentUser, w => w.HouseholdDivision)
                .Where(w => w.RegisteredAt != null && (after == null || w.WorkerId.CompareTo(after.Value) > 0))
                .OrderBy(w => w.WorkerId)
                .Take(ChunkSize)
                .ToListAsync(cancellationToken);
            if (workers.Count == 0)
            {
                break;
            }

            var ids = workers.Select(w => w.WorkerId).ToList();
            var context = await EligibilityContext.LoadAsync(db, ids, today, cancellationToken, policies);
            notified += context.NotifyNewlyEligible(db, workers, await EligibilityContext.ExistingEntriesAsync(db, ids, cancellationToken), now);
            await db.SaveChangesAsync(cancellationToken);
            db.DiscardChanges();
            evaluated += workers.Count;
            after = workers[^1].WorkerId;
        }

        return new OutreachRun(evaluated, policies.Count, notified);
    }
}
