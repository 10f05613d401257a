using Homeward.SharedKernel;
using Homeward.SharedKernel.Identity;

namespace Homeward.JobMatching.Domain.Candidates;

/// <summary>
/// What matching knows of a registered worker, projected from the registry's events. It holds no national ID number
/// and no phone number. Each group of facts remembers when it was true (the event's time), so an older event that
/// arrives late never overwrites newer facts.
/// </summary>
public sealed class Candidate : IHasRowVersion
{
    private Candidate()
    {
    }

    public Guid WorkerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    /// <summary>Time of the registry event the identity facts above come from.</summary>
    public DateTimeOffset IdentityAsOf { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static Candidate Registered(
        Guid workerId,
        string name,
        Gender gender,
        DateOnly birthDate,
        string householdDivisionCode,
        DateTimeOffset occurredAt)
    {
        var candidate = new Candidate { WorkerId = workerId, RegisteredAt = occurredAt };
        candidate.ApplyIdentity(name, gender, birthDate, householdDivisionCode, occurredAt);
        return candidate;
    }

    /// <summary>Applies identity facts unless newer ones are already known.</summary>
    public void ApplyIdentity(string name, Gender gender, DateOnly birthDate, string householdDivisionCode, DateTimeOffset asOf)
    {
        if (asOf < IdentityAsOf)
        {
            return;
        }

        Name = name;
        Gender = gender;
        BirthDate = birthDate;
        HouseholdDivisionCode = householdDivisionCode;
        IdentityAsOf = asOf;
    }
}
