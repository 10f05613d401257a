using Homeward.BuildingBlocks.Application.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

public sealed record GetWorker(Guid WorkerId) : IQuery<WorkerView>;

public sealed class GetWorkerHandler(IRegistryDbContext db) : IQueryHandler<GetWorker, WorkerView>
{
    public async ValueTask<WorkerView> Handle(GetWorker query, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == query.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", query.WorkerId);
        return WorkerView.From(worker);
    }
}
