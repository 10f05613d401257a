using Homeward.SharedKernel;
using Homeward.SharedKernel.Identity;

namespace Homeward.JobMatching.Domain.Candidates;

/// <summary>
/// What matching knows of a registered worker, projected from the registry's events. It holds no national ID number
/// and no phone number. Events arrive in any order: facts that can change remember the time of the event they came
/// from, so an older event that arrives late never overwrites newer facts, and a profile update that overtakes the
/// registration is kept until the registration fills in the rest.
/// </summary>
public sealed class Candidate : IHasRowVersion
{
    private Candidate()
    {
    }

    public Guid WorkerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    /// <summary>Time of the registry event that the name and household village come from.</summary>
    public DateTimeOffset ProfileAsOf { get; private set; }

    /// <summary>Derived from the national ID at registration; unknown until the registration event has arrived.</summary>
    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>When the worker was registered; null while only later events have arrived.</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    public uint RowVersion { get; private set; }

    public bool IsRegistered => RegisteredAt is not null;

    public static Candidate Registered(
        Guid workerId,
        string name,
        Gender gender,
        DateOnly birthDate,
        string householdDivisionCode,
        DateTimeOffset occurredAt)
    {
        var candidate = new Candidate { WorkerId = workerId, ProfileAsOf = DateTimeOffset.MinValue };
        candidate.ApplyRegistration(name, gender, birthDate, householdDivisionCode, occurredAt);
        return candidate;
    }

    public static Candidate FromProfileUpdate(Guid workerId, string name, string householdDivisionCode, DateTimeOffset occurredAt)
    {
        var candidate = new Candidate { WorkerId = workerId, ProfileAsOf = DateTimeOffset.MinValue };
        candidate.ApplyProfile(name, householdDivisionCode, occurredAt);
        return candidate;
    }

    public void ApplyRegistration(string name, Gender gender, DateOnly birthDate, string householdDivisionCode, DateTimeOffset occurredAt)
    {
        Gender = gender;
        BirthDate = birthDate;
        RegisteredAt = occurredAt;
        ApplyProfile(name, householdDivisionCode, occurredAt);
    }

    /// <summary>Applies name and household village unless newer ones are already known.</summary>
    public void ApplyProfile(string name, string householdDivisionCode, DateTimeOffset asOf)
    {
        if (asOf < ProfileAsOf)
        {
            return;
        }

        Name = name;
        HouseholdDivisionCode = householdDivisionCode;
        ProfileAsOf = asOf;
    }
}
