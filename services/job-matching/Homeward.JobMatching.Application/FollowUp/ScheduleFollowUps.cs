using Homeward.JobMatching.Domain.FollowUp;
using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.FollowUp;

/// <summary>
/// Puts every check-in that has come due (a placement still running, so many months after its start) into the work
/// queue of the worker's office, once. It reads only the placements whose next check-in day has come, by the partial
/// index on that day, in batches, so a tick costs what is due rather than every running placement; each placement then
/// takes the day of its following check-in. Several instances may run it: the unique (placement, months) key keeps one
/// task, and the placement's row version one update. The schedule is read when a check-in comes due: a placement whose
/// last check-in was scheduled gets no later one added to the configuration afterwards.
/// </summary>
public sealed record ScheduleFollowUps : ICommand<int>
{
    public const int BatchSize = 500;
}

public sealed class ScheduleFollowUpsHandler(IJobMatchingDbContext db, IOptions<FollowUpOptions> options, TimeProvider clock) : ICommandHandler<ScheduleFollowUps, int>
{
    public async ValueTask<int> Handle(ScheduleFollowUps command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var checkInMonths = options.Value.CheckInMonths;
        var scheduled = 0;
        List<Placement> due;
        do
        {
            due = await db.Placements
                .Where(p => p.NextFollowUpOn != null && p.NextFollowUpOn <= today && p.EndDate == null)
                .OrderBy(p => p.NextFollowUpOn)
                .ThenBy(p => p.Id)
                .Take(ScheduleFollowUps.BatchSize)
                .ToListAsync(cancellationToken);
            var ids = due.Select(p => p.Id).ToList();
            var existing = (await db.FollowUpTasks.AsNoTracking()
                    .Where(t => ids.Contains(t.PlacementId))
                    .Select(t => new { t.PlacementId, t.MonthsAfterStart })
                    .ToListAsync(cancellationToken))
                .Select(t => (t.PlacementId, t.MonthsAfterStart))
                .ToHashSet();
            foreach (var placement in due)
            {
                foreach (var months in FollowUpSchedule.DueBy(placement.StartDate, checkInMonths, today).Where(m => !existing.Contains((placement.Id, m))))
                {
                    db.FollowUpTasks.Add(FollowUpTask.Schedule(Guid.CreateVersion7(now), placement, months, now));
                    scheduled++;
                }

                placement.FollowUpsScheduledThrough(today, FollowUpSchedule.NextAfter(placement.StartDate, checkInMonths, today));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        while (due.Count == ScheduleFollowUps.BatchSize);

        return scheduled;
    }
}

/// <summary>Takes every open rights case past its deadline one level up (office → county → city) with a new deadline.</summary>
public sealed record EscalateRightsCases : ICommand<int>;

public sealed class EscalateRightsCasesHandler(IJobMatchingDbContext db, IOptions<FollowUpOptions> options, TimeProvider clock) : ICommandHandler<EscalateRightsCases, int>
{
    public async ValueTask<int> Handle(EscalateRightsCases command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var overdue = await db.RightsCases
            .Where(c => c.ResolvedAt == null && c.Deadline < now && c.Level != EscalationLevel.City)
            .ToListAsync(cancellationToken);
        var escalated = overdue.Count(c => c.EscalateIfOverdue(options.Value.TimeToAct(c.Severity), now));
        await db.SaveChangesAsync(cancellationToken);
        return escalated;
    }
}
