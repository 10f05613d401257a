using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Placements;

/// <summary>A placement of a worker of the caller's division; any other is "not found".</summary>
public sealed record GetPlacement(Guid PlacementId) : IQuery<PlacementView>;

public sealed class GetPlacementHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetPlacement, PlacementView>
{
    public async ValueTask<PlacementView> Handle(GetPlacement query, CancellationToken cancellationToken) =>
        PlacementView.From(await db.Placements.AsNoTracking()
            .WithinDivisionOf(currentUser, p => p.WorkerDivision)
            .FirstOrDefaultAsync(p => p.Id == query.PlacementId, cancellationToken)
            ?? throw new NotFoundException("Placement", query.PlacementId));
}

/// <summary>Placements of workers of the caller's division, optionally of one worker or vacancy, in the order they were recorded.</summary>
public sealed record ListPlacements(Guid? WorkerId, Guid? VacancyId, PageRequest Page) : IQuery<Page<PlacementView>>;

public sealed class ListPlacementsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListPlacements, Page<PlacementView>>
{
    public async ValueTask<Page<PlacementView>> Handle(ListPlacements query, CancellationToken cancellationToken)
    {
        var placements = db.Placements.AsNoTracking().WithinDivisionOf(currentUser, p => p.WorkerDivision);
        if (query.WorkerId is { } workerId)
        {
            placements = placements.Where(p => p.WorkerId == workerId);
        }

        if (query.VacancyId is { } vacancyId)
        {
            placements = placements.Where(p => p.VacancyId == vacancyId);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await placements
            .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
            .OrderBy(p => p.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<PlacementView>.FromOverFetch(fetched.Select(PlacementView.From).ToList(), query.Page, p => (Guid?)p.Id);
    }
}
