using Homeward.Contracts.JobMatching;
using Homeward.Training.Domain.Outcomes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Outcomes;

/// <summary>Keeps each hire job matching announces as a start of work in its trade, once per placement.</summary>
public sealed record RecordPlacements(IReadOnlyList<WorkerPlaced> Placements) : ICommand;

public sealed class RecordPlacementsHandler(ITrainingDbContext db) : ICommandHandler<RecordPlacements>
{
    public async ValueTask<Unit> Handle(RecordPlacements command, CancellationToken cancellationToken)
    {
        var ids = command.Placements.Select(p => p.PlacementId).ToList();
        var known = await db.EmploymentRecords.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToHashSetAsync(cancellationToken);
        foreach (var placed in command.Placements.Where(p => known.Add(p.PlacementId)))
        {
            db.EmploymentRecords.Add(EmploymentRecord.Started(placed.PlacementId, placed.WorkerId, placed.StartDate, placed.TradeCode, EmploymentSource.Placement));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
