using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.FollowUp;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.FollowUp;

/// <summary>
/// Puts every check-in that has come due (a placement still running, so many months after its start) into the work
/// queue of the worker's office, once. Several instances may run it: the unique (placement, months) key keeps one.
/// </summary>
public sealed record ScheduleFollowUps : ICommand<int>;

public sealed class ScheduleFollowUpsHandler(IJobMatchingDbContext db, IOptions<FollowUpOptions> options, TimeProvider clock) : ICommandHandler<ScheduleFollowUps, int>
{
    public async ValueTask<int> Handle(ScheduleFollowUps command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var scheduled = 0;
        foreach (var months in options.Value.CheckInMonths)
        {
            var due = await db.Placements
                .Where(p => p.EndDate == null && p.StartDate.AddMonths(months) <= today)
                .Where(p => !db.FollowUpTasks.Any(t => t.PlacementId == p.Id && t.MonthsAfterStart == months))
                .OrderBy(p => p.Id)
                .ToListAsync(cancellationToken);
            db.FollowUpTasks.AddRange(due.Select(p => FollowUpTask.Schedule(Guid.CreateVersion7(now), p, months, now)));
            scheduled += due.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
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
