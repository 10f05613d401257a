using MassTransit;

namespace Homeward.Contracts.JobMatching;

/// <summary>A placement ended.</summary>
/// <param name="Reason">contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated, other.</param>
[MessageUrn("homeward:job-matching:placement-ended:v1")]
[EntityName("homeward.job-matching.placement-ended.v1")]
public sealed record PlacementEnded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PlacementId,
    Guid WorkerId,
    DateOnly EndDate,
    string Reason) : IIntegrationEvent;
