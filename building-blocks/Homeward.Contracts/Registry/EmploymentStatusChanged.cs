using MassTransit;

namespace Homeward.Contracts.Registry;

/// <summary>A worker's employment status changed.</summary>
/// <param name="From">Previous status (camelCase EmploymentStatus name).</param>
/// <param name="To">New status.</param>
/// <param name="ChangedAt">When it changed in the world, which may precede <see cref="OccurredAt"/>.</param>
/// <param name="Source">InformationSource name of where the change came from.</param>
[MessageUrn("homeward:registry:employment-status-changed:v1")]
[EntityName("homeward.registry.employment-status-changed.v1")]
public sealed record EmploymentStatusChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkerId,
    string From,
    string To,
    DateTimeOffset ChangedAt,
    string Source,
    string HouseholdDivision) : IIntegrationEvent;
