using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>A discrepancy of a worker of the caller's division; any other answers "not found".</summary>
public sealed record GetDiscrepancy(Guid DiscrepancyId) : IQuery<DiscrepancyView>;

public sealed class GetDiscrepancyHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<GetDiscrepancy, DiscrepancyView>
{
    public async ValueTask<DiscrepancyView> Handle(GetDiscrepancy query, CancellationToken cancellationToken) =>
        await db.VisibleDiscrepancies(currentUser, null).AsNoTracking()
            .Where(r => r.Discrepancy.Id == query.DiscrepancyId)
            .ToViews(db)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Discrepancy", query.DiscrepancyId);
}
