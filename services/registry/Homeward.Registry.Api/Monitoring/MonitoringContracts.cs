using Homeward.Registry.Application.Monitoring;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Api.Monitoring;

/// <param name="Field">phone, householdDivision, residence, education or employmentStatus.</param>
/// <param name="Value">A mobile number; a 12-digit village code; a 6- or 12-digit division code; an education level or status name.</param>
/// <param name="Source">Where the value comes from: doorToDoorVisit, phoneCall, selfReport, socialInsurance, marketRegulation, employerReport, …</param>
/// <param name="ObservedAt">When the source saw it; now when left out.</param>
public sealed record RecordObservationRequest(ObservedField? Field, string? Value, InformationSource? Source, DateTimeOffset? ObservedAt = null)
{
    public RecordObservation ToCommand(Guid workerId) => new(workerId, Field, Value, Source, ObservedAt);
}

/// <param name="VisitedAt">When the household was visited; now when left out.</param>
public sealed record RecordVisitRequest(DateTimeOffset? VisitedAt = null);

/// <param name="Accept">true: the observed value is right and goes into the record; false: the record is right.</param>
/// <param name="Reason">Why, 5 to 500 characters; kept as the audit record.</param>
/// <param name="Phone">Only to accept a phone discrepancy: the new number, confirmed with the worker, matching the observed mask.</param>
public sealed record ResolveDiscrepancyRequest(bool? Accept, string? Reason, string? Phone = null);

/// <param name="Division">Where to draw from, within your division; your division when left out.</param>
/// <param name="Size">How many workers, 1 to 500.</param>
public sealed record DrawVerificationSampleRequest(string? Division, int? Size);

/// <param name="Source">How the record was checked: doorToDoorVisit, phoneCall, …</param>
/// <param name="CorrectedFields">The facts that were wrong (and were corrected), by their names in the worker record; empty when all were right.</param>
public sealed record RecordVerificationRequest(InformationSource? Source, IReadOnlyList<string>? CorrectedFields = null);

/// <param name="HouseholdDivision">The worker's village now.</param>
/// <param name="RecordedValue">The record's value when the discrepancy was opened (a phone number masked).</param>
/// <param name="ObservedValue">The value the source reported (a phone number masked).</param>
/// <param name="ObservationCount">How many observations reported this value.</param>
/// <param name="ResolvedBy">The staff account that accepted or rejected it.</param>
public sealed record DiscrepancyResponse(
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
    int ObservationCount)
{
    public static DiscrepancyResponse From(DiscrepancyView view) => new(
        view.Id,
        view.WorkerId,
        view.WorkerName,
        view.HouseholdDivision,
        view.Field,
        view.RecordedValue,
        view.ObservedValue,
        view.Source,
        view.OpenedAt,
        view.Status,
        view.ResolvedAt,
        view.ResolvedBy,
        view.ResolutionReason,
        view.ObservationCount);
}
