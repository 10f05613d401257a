namespace Homeward.JobMatching.Domain.Audit;

/// <summary>
/// An audit record of one reveal of an employer contact's full phone number: who saw which contact's number, from
/// which office, when, and why. Records are only ever added.
/// </summary>
public sealed class PersonalDataReveal
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    private PersonalDataReveal()
    {
    }

    public Guid Id { get; private set; }

    public Guid EmployerId { get; private set; }

    /// <summary>The contact whose number was shown. Contacts are replaced when an employer changes, so this may outlive it.</summary>
    public Guid ContactId { get; private set; }

    /// <summary>The staff account (token subject) that revealed the number.</summary>
    public string RevealedBy { get; private set; } = string.Empty;

    public string? RevealedByName { get; private set; }

    /// <summary>The division of the office of the person who revealed it.</summary>
    public string RevealedByDivision { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public DateTimeOffset RevealedAt { get; private set; }

    public string? CorrelationId { get; private set; }

    public static PersonalDataReveal Record(
        Guid id,
        Guid employerId,
        Guid contactId,
        string revealedBy,
        string? revealedByName,
        string revealedByDivision,
        string reason,
        DateTimeOffset at,
        string? correlationId) => new()
        {
            Id = id,
            EmployerId = employerId,
            ContactId = contactId,
            RevealedBy = revealedBy,
            RevealedByName = revealedByName,
            RevealedByDivision = revealedByDivision,
            Reason = reason.Trim(),
            RevealedAt = at,
            CorrelationId = correlationId,
        };
}
