using Homeward.BuildingBlocks.Application.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>
/// Any employer of the city or its partner cities: employers are not personal data, and staff of every division place
/// their workers with them. Only changes and reveals of contacts' numbers are for the office that looks after one.
/// </summary>
public sealed record GetEmployer(Guid EmployerId) : IQuery<EmployerView>;

public sealed class GetEmployerHandler(IJobMatchingDbContext db) : IQueryHandler<GetEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(GetEmployer query, CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking()
            .Include(e => e.Contacts)
            .FirstOrDefaultAsync(e => e.Id == query.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", query.EmployerId);
        return EmployerView.From(employer);
    }
}
