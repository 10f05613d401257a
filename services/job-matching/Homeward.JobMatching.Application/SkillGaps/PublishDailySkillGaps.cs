using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.SkillGaps;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.SkillGaps;

/// <summary>
/// Announces the whole city's skill gaps as SkillGapIdentified once per city day, unless that day's announcement is
/// already recorded. The record and the events commit together; when two instances race, the record's key lets one
/// win and the other's events are dropped with its transaction. Returns the gaps announced (0 when nothing to do).
/// </summary>
public sealed record PublishDailySkillGaps : ICommand<int>;

public sealed class PublishDailySkillGapsHandler(IJobMatchingDbContext db, IOutbox outbox, IOptions<JobMatchingOptions> options, TimeProvider clock)
    : ICommandHandler<PublishDailySkillGaps, int>
{
    public async ValueTask<int> Handle(PublishDailySkillGaps command, CancellationToken cancellationToken)
    {
        var city = DivisionCode.Parse(options.Value.CityDivision);
        var today = clock.Today();
        if (await db.SkillGapPublications.AnyAsync(p => p.Division == city.Value && p.Day == today, cancellationToken))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var gaps = (await SkillGapReport.ComputeAsync(db, city, today, cancellationToken)).Where(g => g.Gap > 0).ToList();
        db.SkillGapPublications.Add(SkillGapPublication.Record(city.Value, today, gaps.Count, now));
        SkillGapReport.Announce(outbox, gaps, city, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.DiscardChanges();
            return 0;
        }

        return gaps.Count;
    }
}
