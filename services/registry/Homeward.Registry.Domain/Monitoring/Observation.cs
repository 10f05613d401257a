using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Domain.Monitoring;

public enum ObservationOutcome
{
    /// <summary>The source agreed with the record, which now counts as confirmed.</summary>
    Confirmed = 0,

    /// <summary>The record had no value; the observed one was taken.</summary>
    Filled = 1,

    /// <summary>The source disagreed; a discrepancy waits for staff.</summary>
    Disagreed = 2,

    /// <summary>
    /// The source spoke of an employment status as of a time before the one the record's status holds from (a
    /// partner's late report of a departure from a job the worker has since left for another): it cannot contradict
    /// the newer status, so it is kept for the worker's history without a discrepancy.
    /// </summary>
    Superseded = 3,
}

/// <summary>
/// One source's report of one fact about a worker. The value is kept in comparable, non-personal form: a division
/// code, an enum name, or for a phone number only the fact that it differed.
/// </summary>
public sealed class Observation
{
    private Observation()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public ObservedField Field { get; private set; }

    /// <summary>The observed value (for a phone, its masked form).</summary>
    public string Value { get; private set; } = string.Empty;

    public InformationSource Source { get; private set; }

    public DateTimeOffset ObservedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public ObservationOutcome Outcome { get; private set; }

    public Guid? DiscrepancyId { get; private set; }

    public static Observation Record(
        Guid id,
        Guid workerId,
        ObservedField field,
        string value,
        InformationSource source,
        DateTimeOffset observedAt,
        DateTimeOffset recordedAt,
        string recordedBy,
        ObservationOutcome outcome,
        Guid? discrepancyId) => new()
        {
            Id = id,
            WorkerId = workerId,
            Field = field,
            Value = value,
            Source = source,
            ObservedAt = observedAt,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
            Outcome = outcome,
            DiscrepancyId = discrepancyId,
        };
}
