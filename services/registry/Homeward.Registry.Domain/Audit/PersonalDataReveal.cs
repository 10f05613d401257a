namespace Homeward.Registry.Domain.Audit;

/// <summary>
/// An audit record of one reveal of a worker's full national ID or phone number: who saw whose data, when, and why.
/// Records are only ever added.
/// </summary>
public sealed class PersonalDataReveal
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    private PersonalDataReveal()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The staff account (token subject) that revealed the data.</summary>
    public string RevealedBy { get; private set; } = string.Empty;

    public string? RevealedByName { get; private set; }

    /// <summary>The office's division of the person who revealed it.</summary>
    public string RevealedByDivision { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string[] Fields { get; private set; } = [];

    public DateTimeOffset RevealedAt { get; private set; }

    public string? CorrelationId { get; private set; }

    public static PersonalDataReveal Record(
        Guid id,
        Guid workerId,
        string revealedBy,
        string? revealedByName,
        string revealedByDivision,
        string reason,
        IEnumerable<string> fields,
        DateTimeOffset at,
        string? correlationId) => new()
        {
            Id = id,
            WorkerId = workerId,
            RevealedBy = revealedBy,
            RevealedByName = revealedByName,
            RevealedByDivision = revealedByDivision,
            Reason = reason.Trim(),
            Fields = fields.ToArray(),
            RevealedAt = at,
            CorrelationId = correlationId,
        };
}
