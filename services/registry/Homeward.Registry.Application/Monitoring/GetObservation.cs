using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>One observation of a worker of the caller's division.</summary>
public sealed record GetObservation(Guid WorkerId, Guid ObservationId) : IQuery<ObservationView>;

public sealed class GetObservationHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<GetObservation, ObservationView>
{
    public async ValueTask<ObservationView> Handle(GetObservation query, CancellationToken cancellationToken)
    {
        var visibleWorkers = db.Workers.WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode).Select(w => w.Id);
        var observation = await db.Observations.AsNoTracking()
            .Where(o => o.Id == query.ObservationId && o.WorkerId == query.WorkerId && visibleWorkers.Contains(o.WorkerId))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Observation", query.ObservationId);
        return ObservationView.From(observation);
    }
}
