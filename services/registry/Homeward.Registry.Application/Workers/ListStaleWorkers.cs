using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>
/// Records of the caller's division (optionally narrowed to a division below it) that nobody has confirmed or
/// changed for more than <see cref="Days"/> days: the households to revisit, longest-forgotten first.
/// </summary>
public sealed record ListStaleWorkers(string? Division, int? Days, PageRequest Page) : IQuery<Page<StaleWorkerView>>;

public sealed record StaleWorkerView(
    Guid Id,
    string Name,
    string HouseholdDivision,
    EmploymentStatus Status,
    DateTimeOffset LastConfirmedAt,
    DateTimeOffset? LastVisitedAt);

public sealed class ListStaleWorkersValidator : AbstractValidator<ListStaleWorkers>
{
    public const int MaxDays = 3650;
    private const string DaysMessage = "Days is the number of days without confirmation, 1 to 3650.";

    public ListStaleWorkersValidator()
    {
        RuleFor(q => q.Days).NotNull().WithMessage(DaysMessage).InclusiveBetween(1, MaxDays).WithMessage(DaysMessage);
        RuleFor(q => q.Division).MustBeADivision();
    }
}

public sealed class ListStaleWorkersHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListStaleWorkers, Page<StaleWorkerView>>
{
    public async ValueTask<Page<StaleWorkerView>> Handle(ListStaleWorkers query, CancellationToken cancellationToken)
    {
        var confirmedBefore = clock.GetUtcNow().AddDays(-query.Days!.Value);
        var workers = db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .InDivision(query.Division)
            .Where(w => w.LastConfirmedAt < confirmedBefore);
        if (query.Page.After<TimedPosition?>() is { } after)
        {
            workers = workers.Where(w => w.LastConfirmedAt > after.At || (w.LastConfirmedAt == after.At && w.Id.CompareTo(after.Id) > 0));
        }

        var fetched = await workers
            .OrderBy(w => w.LastConfirmedAt)
            .ThenBy(w => w.Id)
            .Take(query.Page.Limit + 1)
            .Select(w => new StaleWorkerView(w.Id, w.Name, w.HouseholdDivisionCode, w.Status, w.LastConfirmedAt, w.LastVisitedAt))
            .ToListAsync(cancellationToken);
        return Page<StaleWorkerView>.FromOverFetch(fetched, query.Page, w => new TimedPosition(w.LastConfirmedAt, w.Id));
    }
}
