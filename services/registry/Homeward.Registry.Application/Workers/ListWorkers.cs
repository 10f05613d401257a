using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>
/// Workers of the caller's division, optionally narrowed to a division below it, in registration order. A division
/// outside the caller's yields an empty list, never someone else's workers.
/// </summary>
public sealed record ListWorkers(string? Division, PageRequest Page) : IQuery<Page<WorkerView>>;

public sealed class ListWorkersValidator : AbstractValidator<ListWorkers>
{
    public ListWorkersValidator()
    {
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _))
            .When(q => q.Division is not null)
            .WithMessage("The division is a 12-digit statistical code or a 6-digit county code.");
    }
}

public sealed class ListWorkersHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<ListWorkers, Page<WorkerView>>
{
    public async ValueTask<Page<WorkerView>> Handle(ListWorkers query, CancellationToken cancellationToken)
    {
        var workers = db.Workers.AsNoTracking().WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode);
        if (query.Division is not null)
        {
            var (first, last) = DivisionCode.Parse(query.Division).SubtreeRange;
            workers = workers.Where(w => string.Compare(w.HouseholdDivisionCode, first) >= 0 && string.Compare(w.HouseholdDivisionCode, last) <= 0);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await workers
            .Where(w => after == null || w.Id.CompareTo(after.Value) > 0)
            .OrderBy(w => w.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<WorkerView>.FromOverFetch(fetched.Select(WorkerView.From).ToList(), query.Page, w => (Guid?)w.Id);
    }
}
