using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>An employer of the caller's division; one outside it is "not found", like a missing one.</summary>
public sealed record GetEmployer(Guid EmployerId) : IQuery<EmployerView>;

public sealed class GetEmployerHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(GetEmployer query, CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking()
            .Include(e => e.Contacts)
            .WithinDivisionOf(currentUser, e => e.Division)
            .FirstOrDefaultAsync(e => e.Id == query.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", query.EmployerId);
        return EmployerView.From(employer);
    }
}
