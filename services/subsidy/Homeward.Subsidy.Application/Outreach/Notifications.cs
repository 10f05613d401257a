using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Outreach;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Outreach;

public sealed record FunnelEntryView(
    Guid WorkerId,
    Guid PolicyId,
    string Division,
    int? NotifiedVersion,
    DateTimeOffset? NotifiedAt,
    DateTimeOffset? ViewedAt,
    DateTimeOffset? AppliedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? PaidAt)
{
    public static FunnelEntryView From(FunnelEntry entry) => new(
        entry.WorkerId, entry.PolicyId, entry.Division, entry.NotifiedVersion, entry.NotifiedAt, entry.ViewedAt, entry.AppliedAt, entry.ApprovedAt, entry.PaidAt);
}

public sealed record FunnelKey(Guid WorkerId, Guid PolicyId);

/// <summary>
/// Outreach notifications and where each worker stands with each policy, for the caller's division: to call the
/// workers notified but not yet applied, or for an app to show a worker their policies.
/// </summary>
public sealed record ListFunnelEntries(Guid? WorkerId, Guid? PolicyId, bool NotAppliedOnly, PageRequest Page) : IQuery<Page<FunnelEntryView>>;

public sealed class ListFunnelEntriesHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<ListFunnelEntries, Page<FunnelEntryView>>
{
    public async ValueTask<Page<FunnelEntryView>> Handle(ListFunnelEntries query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<FunnelKey?>();
        var entries = db.Funnel.AsNoTracking().WithinDivisionOf(currentUser, f => f.Division);
        if (query.WorkerId is { } workerId)
        {
            entries = entries.Where(f => f.WorkerId == workerId);
        }

        if (query.PolicyId is { } policyId)
        {
            entries = entries.Where(f => f.PolicyId == policyId);
        }

        if (query.NotAppliedOnly)
        {
            entries = entries.Where(f => f.AppliedAt == null);
        }

        if (after is { } key)
        {
            entries = entries.Where(f => f.WorkerId.CompareTo(key.WorkerId) > 0 || (f.WorkerId == key.WorkerId && f.PolicyId.CompareTo(key.PolicyId) > 0));
        }

        var fetched = await entries.OrderBy(f => f.WorkerId).ThenBy(f => f.PolicyId).Take(query.Page.Limit + 1).ToListAsync(cancellationToken);
        return Page<FunnelEntryView>.FromOverFetch(fetched.Select(FunnelEntryView.From).ToList(), query.Page, f => (FunnelKey?)new FunnelKey(f.WorkerId, f.PolicyId));
    }
}

/// <summary>The worker saw the notification (the worker app reports it); seen once, it stays seen.</summary>
public sealed record MarkNotificationViewed(Guid WorkerId, Guid PolicyId) : ICommand<FunnelEntryView>;

public sealed class MarkNotificationViewedHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkNotificationViewed, FunnelEntryView>
{
    public async ValueTask<FunnelEntryView> Handle(MarkNotificationViewed command, CancellationToken cancellationToken)
    {
        var entry = await db.Funnel.WithinDivisionOf(currentUser, f => f.Division)
            .FirstOrDefaultAsync(f => f.WorkerId == command.WorkerId && f.PolicyId == command.PolicyId, cancellationToken)
            ?? throw new NotFoundException("Notification", $"{command.WorkerId}/{command.PolicyId}");
        entry.MarkViewed(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FunnelEntryView.From(entry);
    }
}
