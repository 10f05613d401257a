using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Application.Policies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Outreach;

/// <summary>
/// Evaluates every registered worker of the caller's division against every active policy and notifies those newly
/// eligible: after a new policy or a revised rule, the people it is for are found without waiting for their next event.
/// Works a chunk of workers at a time; each chunk's notifications are stored by one statement that skips any a
/// concurrent event already made, so a long run holds no locks for long and never notifies twice.
/// </summary>
public sealed record RunOutreach : ICommand<OutreachRun>;

public sealed record OutreachRun(int WorkersEvaluated, int PoliciesActive, int Notified);

public sealed class RunOutreachHandler(ISubsidyDbContext db, INotificationStore notifications, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RunOutreach, OutreachRun>
{
    public const int ChunkSize = 5000;

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
            var existing = await EligibilityContext.ExistingEntriesAsync(db, ids, cancellationToken);
            notified += await notifications.AddAsync(context.NewlyEligible(workers, existing, now), cancellationToken);
            evaluated += workers.Count;
            after = workers[^1].WorkerId;
        }

        return new OutreachRun(evaluated, policies.Count, notified);
    }
}

/// <summary>Stores many notifications at once, skipping those that exist already.</summary>
public interface INotificationStore
{
    /// <summary>Inserts the entries not stored yet and returns how many it inserted.</summary>
    Task<int> AddAsync(IReadOnlyList<Domain.Outreach.FunnelEntry> entries, CancellationToken cancellationToken);
}
