namespace Homeward.Registry.Domain.Workers;

/// <summary>One change of a worker's employment status: when, from where, by whom. Only ever added.</summary>
public sealed class StatusChange
{
    private StatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public EmploymentStatus? From { get; private set; }

    public EmploymentStatus To { get; private set; }

    /// <summary>When the change happened in the world (a placement's start, a visit), which may precede its recording.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public InformationSource Source { get; private set; }

    /// <summary>The staff account, client or service that recorded it.</summary>
    public string Actor { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    /// <summary>Division of the worker when the change was recorded, for reports by division.</summary>
    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    internal static StatusChange Record(
        Guid id,
        Guid workerId,
        EmploymentStatus? from,
        EmploymentStatus to,
        DateTimeOffset changedAt,
        DateTimeOffset recordedAt,
        InformationSource source,
        string actor,
        string? note,
        string householdDivisionCode) => new()
        {
            Id = id,
            WorkerId = workerId,
            From = from,
            To = to,
            ChangedAt = changedAt,
            RecordedAt = recordedAt,
            Source = source,
            Actor = actor,
            Note = note,
            HouseholdDivisionCode = householdDivisionCode,
        };
}
