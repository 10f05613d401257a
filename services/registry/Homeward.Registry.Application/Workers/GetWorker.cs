using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>Reads a worker within the caller's division; one outside it is "not found", exactly like a missing one.</summary>
public sealed record GetWorker(Guid WorkerId) : IQuery<WorkerView>;

public sealed class GetWorkerHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<GetWorker, WorkerView>
{
    public async ValueTask<WorkerView> Handle(GetWorker query, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == query.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", query.WorkerId);
        return WorkerView.From(worker);
    }
}
