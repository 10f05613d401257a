using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Placements;

/// <summary>What the partner city reported about a placement of a worker of the caller's division, oldest first.</summary>
public sealed record ListPlacementReports(Guid PlacementId) : IQuery<IReadOnlyList<PlacementReportView>>;

public sealed class ListPlacementReportsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListPlacementReports, IReadOnlyList<PlacementReportView>>
{
    public async ValueTask<IReadOnlyList<PlacementReportView>> Handle(ListPlacementReports query, CancellationToken cancellationToken)
    {
        if (!await db.Placements.WithinDivisionOf(currentUser, p => p.WorkerDivision).AnyAsync(p => p.Id == query.PlacementId, cancellationToken))
        {
            throw new NotFoundException("Placement", query.PlacementId);
        }

        var reports = await db.PlacementReports.AsNoTracking()
            .Where(r => r.PlacementId == query.PlacementId)
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return [.. reports.Select(PlacementReportView.From)];
    }
}
