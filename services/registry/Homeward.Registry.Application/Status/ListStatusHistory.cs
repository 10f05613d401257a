using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Application.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Status;

/// <summary>
/// A worker's status history, newest first by when each change happened. A worker outside the caller's division is
/// "not found", exactly like a missing one.
/// </summary>
public sealed record ListStatusHistory(Guid WorkerId, PageRequest Page) : IQuery<Page<StatusChangeView>>;

public sealed class ListStatusHistoryHandler(IRegistryDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListStatusHistory, Page<StatusChangeView>>
{
    public async ValueTask<Page<StatusChangeView>> Handle(ListStatusHistory query, CancellationToken cancellationToken)
    {
        var visible = await db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .AnyAsync(w => w.Id == query.WorkerId, cancellationToken);
        if (!visible)
        {
            throw new NotFoundException("Worker", query.WorkerId);
        }

        var changes = db.StatusChanges.AsNoTracking().Where(c => c.WorkerId == query.WorkerId);
        if (query.Page.After<TimedPosition?>() is { } after)
        {
            changes = changes.Where(c => c.ChangedAt < after.At || (c.ChangedAt == after.At && c.Id.CompareTo(after.Id) < 0));
        }

        var fetched = await changes
            .OrderByDescending(c => c.ChangedAt)
            .ThenByDescending(c => c.Id)
            .Take(query.Page.Limit + 1)
            .Select(c => new StatusChangeView(c.Id, c.WorkerId, c.From, c.To, c.ChangedAt, c.RecordedAt, c.Source, c.Actor, c.Note, c.HouseholdDivisionCode))
            .ToListAsync(cancellationToken);
        return Page<StatusChangeView>.FromOverFetch(fetched, query.Page, c => new TimedPosition(c.ChangedAt, c.Id));
    }
}
