using MassTransit;

namespace Homeward.Contracts.Registry;

/// <summary>A returning worker was registered in the registry.</summary>
/// <param name="Gender">"female" or "male", derived from the national ID number.</param>
/// <param name="HouseholdDivision">12-digit statistical code of the worker's household (hukou) division.</param>
/// <param name="Facts">The profile as registered; absent only in events written before profiles existed.</param>
[MessageUrn("homeward:registry:worker-registered:v1")]
[EntityName("homeward.registry.worker-registered.v1")]
public sealed record WorkerRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkerId,
    string Name,
    string Gender,
    DateOnly BirthDate,
    string HouseholdDivision,
    WorkerFacts? Facts = null) : IIntegrationEvent;
