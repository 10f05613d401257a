using Homeward.Contracts.JobMatching;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A vacancy was recommended to a worker. The earliest recommendation is kept: it makes the worker one of the
/// recommended in the employment rate. The record itself does not change, so this is no update of it.
/// </summary>
public sealed record RecordRecommendation(WorkerRecommended Event) : ICommand;

public sealed class RecordRecommendationHandler(IRegistryDbContext db, ILogger<RecordRecommendationHandler> logger)
    : ICommandHandler<RecordRecommendation>
{
    public async ValueTask<Unit> Handle(RecordRecommendation command, CancellationToken cancellationToken)
    {
        var recommended = command.Event;
        if (await PlatformWorkers.FindAsync(db, recommended.WorkerId, recommended, logger, cancellationToken) is { } worker)
        {
            worker.RecordRecommendation(recommended.RecommendedAt);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
