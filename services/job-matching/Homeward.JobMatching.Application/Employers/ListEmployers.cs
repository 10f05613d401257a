using Homeward.BuildingBlocks.Application.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>Employers of the whole city and its partner cities, in registration order (see <see cref="GetEmployer"/>).</summary>
public sealed record ListEmployers(PageRequest Page) : IQuery<Page<EmployerView>>;

public sealed class ListEmployersHandler(IJobMatchingDbContext db) : IQueryHandler<ListEmployers, Page<EmployerView>>
{
    public async ValueTask<Page<EmployerView>> Handle(ListEmployers query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Employers.AsNoTracking()
            .Include(e => e.Contacts)
            .Where(e => after == null || e.Id.CompareTo(after.Value) > 0)
            .OrderBy(e => e.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<EmployerView>.FromOverFetch(fetched.Select(EmployerView.From).ToList(), query.Page, e => (Guid?)e.Id);
    }
}
