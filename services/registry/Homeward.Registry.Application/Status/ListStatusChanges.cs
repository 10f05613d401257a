using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Application.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Status;

/// <summary>
/// Status changes recorded after <see cref="Since"/> for workers of the caller's division (optionally narrowed to a
/// division below it), in the order they were recorded. Whose they are follows the worker's current household: a
/// worker who moved away takes their history along. See <see cref="ChangeFeed"/> for why the newest seconds wait.
/// </summary>
public sealed record ListStatusChanges(DateTimeOffset? Since, string? Division, PageRequest Page) : IQuery<Page<StatusChangeView>>;

public sealed class ListStatusChangesValidator : AbstractValidator<ListStatusChanges>
{
    public ListStatusChangesValidator()
    {
        RuleFor(q => q.Since).NotNull().WithMessage("Since is the time after which recorded changes are listed, e.g. 2026-01-01T00:00:00Z.");
        RuleFor(q => q.Division).MustBeADivision();
    }
}

public sealed class ListStatusChangesHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListStatusChanges, Page<StatusChangeView>>
{
    public async ValueTask<Page<StatusChangeView>> Handle(ListStatusChanges query, CancellationToken cancellationToken)
    {
        var since = query.Since!.Value.ToUniversalTime();
        var horizon = ChangeFeed.Horizon(clock);
        var workers = db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .InDivision(query.Division)
            .Select(w => w.Id);
        var changes = db.StatusChanges.AsNoTracking()
            .Where(c => workers.Contains(c.WorkerId) && c.RecordedAt > since && c.RecordedAt <= horizon);
        if (query.Page.After<TimedPosition?>() is { } after)
        {
            changes = changes.Where(c => c.RecordedAt > after.At || (c.RecordedAt == after.At && c.Id.CompareTo(after.Id) > 0));
        }

        var fetched = await changes
            .OrderBy(c => c.RecordedAt)
            .ThenBy(c => c.Id)
            .Take(query.Page.Limit + 1)
            .Select(c => new StatusChangeView(c.Id, c.WorkerId, c.From, c.To, c.ChangedAt, c.RecordedAt, c.Source, c.Actor, c.Note, c.HouseholdDivisionCode))
            .ToListAsync(cancellationToken);
        return Page<StatusChangeView>.FromOverFetch(fetched, query.Page, c => new TimedPosition(c.RecordedAt, c.Id));
    }
}
