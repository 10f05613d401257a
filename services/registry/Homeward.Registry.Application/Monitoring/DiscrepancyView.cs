using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// A discrepancy with the worker it concerns, as staff see it in their queue. Resolved discrepancies are the audit
/// record of who decided what, when and why.
/// </summary>
/// <param name="HouseholdDivision">The worker's village now.</param>
/// <param name="ObservationCount">How many observations reported this value.</param>
public sealed record DiscrepancyView(
    Guid Id,
    Guid WorkerId,
    string WorkerName,
    string HouseholdDivision,
    ObservedField Field,
    string RecordedValue,
    string ObservedValue,
    InformationSource Source,
    DateTimeOffset OpenedAt,
    DiscrepancyStatus Status,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? ResolutionReason,
    int ObservationCount,
    uint RowVersion);
