using Homeward.Contracts.JobMatching;
using Homeward.Training.Domain.Demand;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Demand;

/// <summary>Keeps the latest skill gap job matching announced per trade, level and division; older announcements arriving late change nothing.</summary>
public sealed record RecordSkillGaps(IReadOnlyList<SkillGapIdentified> Gaps) : ICommand;

public sealed class RecordSkillGapsHandler(ITrainingDbContext db) : ICommandHandler<RecordSkillGaps>
{
    public async ValueTask<Unit> Handle(RecordSkillGaps command, CancellationToken cancellationToken)
    {
        var trades = command.Gaps.Select(g => g.TradeCode).Distinct().ToList();
        var known = await db.SkillGaps.Where(g => trades.Contains(g.TradeCode)).ToListAsync(cancellationToken);
        foreach (var announced in command.Gaps)
        {
            var gap = known.FirstOrDefault(g => g.TradeCode == announced.TradeCode && g.Level == announced.Level && g.Division == announced.Division);
            if (gap is null)
            {
                gap = SkillGap.Announced(announced.TradeCode, announced.Level, announced.Division, announced.UnfilledHeadcount, announced.Gap, announced.OccurredAt);
                known.Add(gap);
                db.SkillGaps.Add(gap);
            }
            else
            {
                gap.Update(announced.UnfilledHeadcount, announced.Gap, announced.OccurredAt);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
