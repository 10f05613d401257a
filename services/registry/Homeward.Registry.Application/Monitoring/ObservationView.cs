using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Monitoring;

/// <param name="Value">The observed value as kept: a phone number only in masked form.</param>
/// <param name="DiscrepancyId">The discrepancy the observation opened or joined, when it disagreed with the record.</param>
public sealed record ObservationView(
    Guid Id,
    Guid WorkerId,
    ObservedField Field,
    string Value,
    InformationSource Source,
    DateTimeOffset ObservedAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    ObservationOutcome Outcome,
    Guid? DiscrepancyId)
{
    public static ObservationView From(Observation observation) => new(
        observation.Id,
        observation.WorkerId,
        observation.Field,
        observation.Value,
        observation.Source,
        observation.ObservedAt,
        observation.RecordedAt,
        observation.RecordedBy,
        observation.Outcome,
        observation.DiscrepancyId);
}
