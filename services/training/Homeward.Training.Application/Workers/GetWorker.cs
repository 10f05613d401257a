using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Workers;

/// <summary>What training knows of a worker: never a national ID or phone number.</summary>
public sealed record WorkerView(Guid WorkerId, string Name, string HouseholdDivision, IReadOnlyList<string> TrainingNeeds, string? Status, DateTimeOffset RegisteredAt)
{
    public static WorkerView From(Worker w) => new(w.WorkerId, w.Name, w.HouseholdDivision, w.TrainingNeeds, w.Status, w.RegisteredAt!.Value);
}

public sealed record GetWorker(Guid WorkerId) : IQuery<WorkerView>;

/// <summary>A registered worker of the caller's division; one outside it is "not found", like a missing one.</summary>
public sealed class GetWorkerHandler(ITrainingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetWorker, WorkerView>
{
    public async ValueTask<WorkerView> Handle(GetWorker query, CancellationToken cancellationToken) =>
        WorkerView.From(await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, query.WorkerId, cancellationToken));
}

public static class WorkerQueries
{
    /// <summary>The registered worker of the caller's division, or 404: the rule "registered workers only" of every use case.</summary>
    public static async Task<Worker> FindRegisteredAsync(this IQueryable<Worker> workers, ICurrentUser currentUser, Guid workerId, CancellationToken cancellationToken) =>
        await workers
            .WithinDivisionOf(currentUser, w => w.HouseholdDivision)
            .FirstOrDefaultAsync(w => w.WorkerId == workerId && w.RegisteredAt != null, cancellationToken)
        ?? throw new NotFoundException("Worker", workerId);
}
