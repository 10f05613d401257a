using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.JobMatching;
using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel;

namespace Homeward.JobMatching.Application.Placements;

/// <summary>
/// The one way a placement ends, whoever learns of it — staff ending it, the partner city reporting a departure, or
/// a follow-up finding the worker left — so each ends it with its reason and announces PlacementEnded the same way.
/// </summary>
public static class PlacementEnding
{
    public static void End(Placement placement, DateOnly endDate, PlacementEndReason reason, string? note, IOutbox outbox, DateTimeOffset now)
    {
        placement.End(endDate, reason, note);
        outbox.Enqueue(new PlacementEnded(Guid.CreateVersion7(now), now, placement.Id, placement.WorkerId, endDate, EnumNames.Of(reason)));
    }
}
