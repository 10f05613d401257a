using Homeward.SharedKernel;

namespace Homeward.JobMatching.Domain.FollowUp;

/// <summary>What a placed worker's rights case (维权) is about.</summary>
public enum RightsCaseKind
{
    WageArrears = 0,
    Contract = 1,
    Safety = 2,
    Discrimination = 3,
}

public enum RightsCaseSeverity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>Who answers for an open case: the worker's own office, then the county, then the city.</summary>
public enum EscalationLevel
{
    Office = 0,
    County = 1,
    City = 2,
}

/// <summary>
/// A placed worker's rights were violated: wage arrears, the contract, safety, discrimination. The case has an owner
/// and a deadline set by its severity; one still open after its deadline goes up to the county and then to the city,
/// each with a new deadline. A case about a job in a partner city is visible to that city through the sync API.
/// </summary>
public sealed class RightsCase : IHasRowVersion
{
    private RightsCase()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public string WorkerDivision { get; private set; } = string.Empty;

    public Guid? PlacementId { get; private set; }

    /// <summary>The partner city of a cross-region placement's case, which sees the case; null otherwise.</summary>
    public string? PartnerCity { get; private set; }

    public RightsCaseKind Kind { get; private set; }

    public RightsCaseSeverity Severity { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>The staff member who answers for the case.</summary>
    public string Owner { get; private set; } = string.Empty;

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public EscalationLevel Level { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Resolution { get; private set; }

    public uint RowVersion { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public static RightsCase Open(
        Guid id,
        Guid workerId,
        string workerDivision,
        Guid? placementId,
        string? partnerCity,
        RightsCaseKind kind,
        RightsCaseSeverity severity,
        string description,
        string owner,
        TimeSpan timeToAct,
        DateTimeOffset now) => new()
        {
            Id = id,
            WorkerId = workerId,
            WorkerDivision = workerDivision,
            PlacementId = placementId,
            PartnerCity = partnerCity,
            Kind = kind,
            Severity = severity,
            Description = description.Trim(),
            Owner = owner,
            OpenedAt = now,
            Deadline = now + timeToAct,
            Level = EscalationLevel.Office,
        };

    /// <summary>Past its deadline and still open, the case goes one level up with a new deadline; at the city it stays.</summary>
    public bool EscalateIfOverdue(TimeSpan timeToAct, DateTimeOffset now)
    {
        if (!IsOpen || Deadline >= now || Level == EscalationLevel.City)
        {
            return false;
        }

        Level = Level + 1;
        EscalatedAt = now;
        Deadline = now + timeToAct;
        return true;
    }

    public void Resolve(string resolution, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("rights-case-already-resolved", $"The case was resolved at {ResolvedAt:u}.");
        }

        Resolution = resolution.Trim();
        ResolvedAt = now;
    }

    public void Reassign(string owner) => Owner = owner;
}
