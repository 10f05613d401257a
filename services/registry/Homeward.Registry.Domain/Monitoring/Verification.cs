using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Domain.Monitoring;

/// <summary>
/// A check of a sampled record against the worker in person or by phone. The share of verifications that confirmed
/// the record is the registry's accuracy figure.
/// </summary>
public sealed class Verification
{
    private Verification()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    public DateTimeOffset VerifiedAt { get; private set; }

    public string VerifiedBy { get; private set; } = string.Empty;

    public InformationSource Source { get; private set; }

    /// <summary>True when every checked fact was right.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>The facts that were wrong and were corrected.</summary>
    public string[] CorrectedFields { get; private set; } = [];

    public static Verification Record(
        Guid id,
        Guid workerId,
        string householdDivisionCode,
        DateTimeOffset verifiedAt,
        string verifiedBy,
        InformationSource source,
        IReadOnlyCollection<string> correctedFields) => new()
        {
            Id = id,
            WorkerId = workerId,
            HouseholdDivisionCode = householdDivisionCode,
            VerifiedAt = verifiedAt,
            VerifiedBy = verifiedBy,
            Source = source,
            Confirmed = correctedFields.Count == 0,
            CorrectedFields = [.. correctedFields],
        };
}
