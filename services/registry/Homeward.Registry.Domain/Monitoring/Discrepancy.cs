using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;

namespace Homeward.Registry.Domain.Monitoring;

public enum DiscrepancyStatus
{
    Open = 0,

    /// <summary>Staff found the source right: the record took the observed value.</summary>
    Accepted = 1,

    /// <summary>Staff found the record right: it stays as it was.</summary>
    Rejected = 2,
}

/// <summary>
/// A disagreement between the record and a source about one fact, waiting in the work queue of the worker's office
/// until staff of that office accept or reject it, with a reason. Resolved discrepancies are kept as the audit trail.
/// </summary>
public sealed class Discrepancy : IHasRowVersion
{
    public const int MinReasonLength = 5;

    private Discrepancy()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The worker's village when the discrepancy was opened, for the work queue and scoping.</summary>
    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    public ObservedField Field { get; private set; }

    public string RecordedValue { get; private set; } = string.Empty;

    public string ObservedValue { get; private set; } = string.Empty;

    public InformationSource Source { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DiscrepancyStatus Status { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public string? ResolutionReason { get; private set; }

    public uint RowVersion { get; private set; }

    public static Discrepancy Open(
        Guid id,
        Guid workerId,
        string householdDivisionCode,
        ObservedField field,
        string recordedValue,
        string observedValue,
        InformationSource source,
        DateTimeOffset openedAt) => new()
        {
            Id = id,
            WorkerId = workerId,
            HouseholdDivisionCode = householdDivisionCode,
            Field = field,
            RecordedValue = recordedValue,
            ObservedValue = observedValue,
            Source = source,
            OpenedAt = openedAt,
            Status = DiscrepancyStatus.Open,
        };

    public void Resolve(bool accept, string resolvedBy, string reason, DateTimeOffset at)
    {
        if (Status != DiscrepancyStatus.Open)
        {
            throw new DomainException("discrepancy-already-resolved", $"This discrepancy was already {Status.ToString().ToLowerInvariant()}.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonLength)
        {
            throw new DomainException("discrepancy-reason-required", $"Say why, in at least {MinReasonLength} characters.");
        }

        Status = accept ? DiscrepancyStatus.Accepted : DiscrepancyStatus.Rejected;
        ResolvedBy = resolvedBy;
        ResolutionReason = reason.Trim();
        ResolvedAt = at;
    }
}
