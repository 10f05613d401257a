using MassTransit;

namespace Homeward.Contracts.Subsidy;

/// <summary>A business started by a returning worker was registered.</summary>
/// <param name="Kind">individualBusiness, microEnterprise or cooperative.</param>
/// <param name="Sector">GB/T 4754 section letter.</param>
[MessageUrn("homeward:subsidy:business-registered:v1")]
[EntityName("homeward.subsidy.business-registered.v1")]
public sealed record BusinessRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid BusinessId,
    Guid FounderWorkerId,
    string CreditCode,
    string Kind,
    string Sector,
    DateOnly RegisteredOn,
    int JobsCreated) : IIntegrationEvent;
