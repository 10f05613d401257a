using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>Employers of the caller's division, in registration order.</summary>
public sealed record ListEmployers(PageRequest Page) : IQuery<Page<EmployerView>>;

public sealed class ListEmployersHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListEmployers, Page<EmployerView>>
{
    public async ValueTask<Page<EmployerView>> Handle(ListEmployers query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Employers.AsNoTracking()
            .Include(e => e.Contacts)
            .WithinDivisionOf(currentUser, e => e.Division)
            .Where(e => after == null || e.Id.CompareTo(after.Value) > 0)
            .OrderBy(e => e.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<EmployerView>.FromOverFetch(fetched.Select(EmployerView.From).ToList(), query.Page, e => (Guid?)e.Id);
    }
}
