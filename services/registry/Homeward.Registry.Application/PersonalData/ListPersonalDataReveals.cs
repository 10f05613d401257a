using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.PersonalData;

/// <summary>The reveal audit trail of the caller's division's workers, newest first, optionally for one worker.</summary>
public sealed record ListPersonalDataReveals(Guid? WorkerId, PageRequest Page) : IQuery<Page<PersonalDataRevealView>>;

public sealed record PersonalDataRevealView(
    Guid Id,
    Guid WorkerId,
    string RevealedBy,
    string? RevealedByName,
    string RevealedByDivision,
    string Reason,
    IReadOnlyList<string> Fields,
    DateTimeOffset RevealedAt,
    string? CorrelationId);

public sealed class ListPersonalDataRevealsHandler(IRegistryDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListPersonalDataReveals, Page<PersonalDataRevealView>>
{
    public async ValueTask<Page<PersonalDataRevealView>> Handle(ListPersonalDataReveals query, CancellationToken cancellationToken)
    {
        var before = query.Page.After<Guid?>();
        var visibleWorkers = db.Workers.WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode).Select(w => w.Id);
        var fetched = await db.PersonalDataReveals.AsNoTracking()
            .Where(r => visibleWorkers.Contains(r.WorkerId))
            .Where(r => query.WorkerId == null || r.WorkerId == query.WorkerId)
            .Where(r => before == null || r.Id.CompareTo(before.Value) < 0)
            .OrderByDescending(r => r.Id)
            .Take(query.Page.Limit + 1)
            .Select(r => new PersonalDataRevealView(r.Id, r.WorkerId, r.RevealedBy, r.RevealedByName, r.RevealedByDivision, r.Reason, r.Fields, r.RevealedAt, r.CorrelationId))
            .ToListAsync(cancellationToken);
        return Page<PersonalDataRevealView>.FromOverFetch(fetched, query.Page, r => (Guid?)r.Id);
    }
}
