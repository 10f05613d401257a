using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Subsidy.Application.Common;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Application.Policies;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Subsidy.Application.Outreach;

/// <summary>
/// Evaluates every registered worker of the caller's division against every active policy and notifies those newly
/// eligible: after a new policy or a revised rule, the people it is for are found without waiting for their next event.
/// Works a chunk of workers at a time; each chunk's notifications are stored by one statement that skips any a
/// concurrent event or run already made, so a long run holds no locks for long and never notifies twice.
/// </summary>
public sealed record RunOutreach : ICommand<OutreachRun>;

public sealed record OutreachRun(int WorkersEvaluated, int PoliciesActive, int Notified);

public sealed class RunOutreachHandler(
    ISubsidyDbContext db, INotificationStore notifications, ICurrentUser currentUser, TimeProvider clock, IOptions<SubsidyOptions> options)
    : ICommandHandler<RunOutreach, OutreachRun>
{
    /// <summary>
    /// Storing a chunk's notifications costs the database more than reading and evaluating the next chunk costs the
    /// service, so the run keeps reading while up to this many chunks are written, each on a connection of its own.
    /// </summary>
    public const int ConcurrentWrites = 2;

    public async ValueTask<OutreachRun> Handle(RunOutreach command, CancellationToken cancellationToken)
    {
        var chunkSize = options.Value.OutreachChunkSize;
        var now = clock.GetUtcNow();
        var today = CityCalendar.DayOf(now);
        var policies = await db.ActiveAsync(today, cancellationToken);
        var evaluated = 0;
        var notified = 0;
        var writes = new List<Task<int>>(ConcurrentWrites);
        Guid? after = null;
        try
        {
            while (true)
            {
                var workers = await db.Workers.AsNoTracking()
                    .WithinDivisionOf(currentUser, w => w.HouseholdDivision)
                    .Where(w => w.RegisteredAt != null && (after == null || w.WorkerId.CompareTo(after.Value) > 0))
                    .OrderBy(w => w.WorkerId)
                    .Take(chunkSize)
                    .ToListAsync(cancellationToken);
                if (workers.Count == 0)
                {
                    break;
                }

                var ids = workers.Select(w => w.WorkerId).ToList();
                var context = await EligibilityContext.LoadAsync(db, ids, today, cancellationToken, policies);
                var existing = await EligibilityContext.ExistingEntriesAsync(db, ids, cancellationToken);
                var newlyEligible = context.NewlyEligible(workers, existing, now);
                if (writes.Count == ConcurrentWrites)
                {
                    var written = await Task.WhenAny(writes);
                    writes.Remove(written);
                    notified += await written;
                }

                writes.Add(notifications.AddAsync(newlyEligible, cancellationToken));
                evaluated += workers.Count;
                after = workers[^1].WorkerId;
            }
        }
        finally
        {
            // A failed read must not leave writes running unobserved; their own failure surfaces below or here.
            await ((Task)Task.WhenAll(writes)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var write in writes)
        {
            notified += await write;
        }

        return new OutreachRun(evaluated, policies.Count, notified);
    }
}

/// <summary>Stores many notifications at once, skipping those that exist already; safe to call concurrently.</summary>
public interface INotificationStore
{
    /// <summary>Inserts the outreach notifications not stored yet, in a transaction of their own, and returns how many it inserted.</summary>
    Task<int> AddAsync(IReadOnlyList<Domain.Outreach.FunnelEntry> entries, CancellationToken cancellationToken);
}
