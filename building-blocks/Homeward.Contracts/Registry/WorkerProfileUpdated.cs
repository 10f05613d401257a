using MassTransit;

namespace Homeward.Contracts.Registry;

/// <summary>A worker's profile changed. <see cref="Changed"/> names the groups of facts that changed; the others carry their current values.</summary>
/// <param name="Changed">Names of the changed facts, e.g. "name", "householdDivision", "skills".</param>
/// <param name="Facts">The profile after the change.</param>
[MessageUrn("homeward:registry:worker-profile-updated:v1")]
[EntityName("homeward.registry.worker-profile-updated.v1")]
public sealed record WorkerProfileUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkerId,
    IReadOnlyList<string> Changed,
    string Name,
    string HouseholdDivision,
    WorkerFacts? Facts = null) : IIntegrationEvent;
