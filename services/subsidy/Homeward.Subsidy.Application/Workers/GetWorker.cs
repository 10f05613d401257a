using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Workers;

/// <summary>The facts the subsidy service holds of a registered worker of the caller's division (404 elsewhere).</summary>
public sealed record GetWorker(Guid WorkerId) : IQuery<WorkerView>;

public sealed record WorkerView(
    Guid WorkerId,
    string Name,
    string HouseholdDivision,
    DateOnly? BirthDate,
    DateOnly? ReturnedOn,
    WorkerStatus? Status,
    IReadOnlyList<CompletedTraining> CompletedTrainings)
{
    public static WorkerView From(Worker worker) => new(
        worker.WorkerId, worker.Name, worker.HouseholdDivision, worker.BirthDate, worker.ReturnedOn, worker.Status, worker.CompletedTrainings);
}

public sealed class GetWorkerHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<GetWorker, WorkerView>
{
    public async ValueTask<WorkerView> Handle(GetWorker query, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, query.WorkerId, cancellationToken);
        return WorkerView.From(worker);
    }
}

public static class WorkerQueries
{
    /// <summary>A registered worker within the caller's division; otherwise 404, as if it did not exist.</summary>
    public static async Task<Worker> FindRegisteredAsync(this IQueryable<Worker> workers, ICurrentUser currentUser, Guid workerId, CancellationToken cancellationToken) =>
        await workers
            .Where(w => w.WorkerId == workerId && w.RegisteredAt != null)
            .WithinDivisionOf(currentUser, w => w.HouseholdDivision)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Worker", workerId);
}
