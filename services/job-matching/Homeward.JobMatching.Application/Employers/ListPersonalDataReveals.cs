using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>The reveal audit trail of the contacts of the caller's division's employers, newest first, optionally for one employer.</summary>
public sealed record ListPersonalDataReveals(Guid? EmployerId, PageRequest Page) : IQuery<Page<PersonalDataRevealView>>;

public sealed record PersonalDataRevealView(
    Guid Id,
    Guid EmployerId,
    Guid ContactId,
    string RevealedBy,
    string? RevealedByName,
    string RevealedByDivision,
    string Reason,
    DateTimeOffset RevealedAt,
    string? CorrelationId);

public sealed class ListPersonalDataRevealsHandler(IJobMatchingDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListPersonalDataReveals, Page<PersonalDataRevealView>>
{
    public async ValueTask<Page<PersonalDataRevealView>> Handle(ListPersonalDataReveals query, CancellationToken cancellationToken)
    {
        var before = query.Page.After<Guid?>();
        var employersInDivision = db.Employers.WithinDivisionOf(currentUser, e => e.Division).Select(e => e.Id);
        var fetched = await db.PersonalDataReveals.AsNoTracking()
            .Where(r => employersInDivision.Contains(r.EmployerId))
            .Where(r => query.EmployerId == null || r.EmployerId == query.EmployerId)
            .Where(r => before == null || r.Id.CompareTo(before.Value) < 0)
            .OrderByDescending(r => r.Id)
            .Take(query.Page.Limit + 1)
            .Select(r => new PersonalDataRevealView(
                r.Id, r.EmployerId, r.ContactId, r.RevealedBy, r.RevealedByName, r.RevealedByDivision, r.Reason, r.RevealedAt, r.CorrelationId))
            .ToListAsync(cancellationToken);
        return Page<PersonalDataRevealView>.FromOverFetch(fetched, query.Page, r => (Guid?)r.Id);
    }
}
