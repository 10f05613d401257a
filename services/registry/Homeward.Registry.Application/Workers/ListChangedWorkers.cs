using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>
/// Workers of the caller's division (optionally narrowed to a division below it) whose record changed after
/// <see cref="Since"/>, oldest change first. A worker changed again while a client pages moves to the end of the list
/// instead of shifting the pages; see <see cref="ChangeFeed"/> for why the newest seconds are held back.
/// </summary>
public sealed record ListChangedWorkers(DateTimeOffset? Since, string? Division, PageRequest Page) : IQuery<Page<ChangedWorkerView>>;

public sealed record ChangedWorkerView(Guid Id, string Name, string HouseholdDivision, EmploymentStatus Status, DateTimeOffset UpdatedAt);

public sealed class ListChangedWorkersValidator : AbstractValidator<ListChangedWorkers>
{
    public ListChangedWorkersValidator()
    {
        RuleFor(q => q.Since).NotNull().WithMessage("Since is the time after which changes are listed, e.g. 2026-01-01T00:00:00Z.");
        RuleFor(q => q.Division).MustBeADivision();
    }
}

public sealed class ListChangedWorkersHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListChangedWorkers, Page<ChangedWorkerView>>
{
    public async ValueTask<Page<ChangedWorkerView>> Handle(ListChangedWorkers query, CancellationToken cancellationToken)
    {
        var since = query.Since!.Value.ToUniversalTime();
        var horizon = ChangeFeed.Horizon(clock);
        var workers = db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .InDivision(query.Division)
            .Where(w => w.UpdatedAt > since && w.UpdatedAt <= horizon);
        if (query.Page.After<TimedPosition?>() is { } after)
        {
            workers = workers.Where(w => w.UpdatedAt > after.At || (w.UpdatedAt == after.At && w.Id.CompareTo(after.Id) > 0));
        }

        var fetched = await workers
            .OrderBy(w => w.UpdatedAt)
            .ThenBy(w => w.Id)
            .Take(query.Page.Limit + 1)
            .Select(w => new ChangedWorkerView(w.Id, w.Name, w.HouseholdDivisionCode, w.Status, w.UpdatedAt))
            .ToListAsync(cancellationToken);
        return Page<ChangedWorkerView>.FromOverFetch(fetched, query.Page, w => new TimedPosition(w.UpdatedAt, w.Id));
    }
}
