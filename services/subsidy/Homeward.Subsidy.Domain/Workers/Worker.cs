namespace Homeward.Subsidy.Domain.Workers;

/// <summary>
/// What the subsidy service knows of a registered worker, projected from the registry's and training's events: the
/// facts eligibility rules look at. It holds no national ID number and no phone number. Events arrive in any order and
/// more than once: each group of facts remembers the time of the event it came from, so a late older event never
/// overwrites newer facts; completed trainings are a set keyed by enrollment, so their order does not matter.
/// </summary>
public sealed class Worker
{
    private Worker()
    {
    }

    public Guid WorkerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>12-digit statistical code of the household village; the division that scopes the worker's data.</summary>
    public string HouseholdDivision { get; private set; } = string.Empty;

    public DateOnly? BirthDate { get; private set; }

    /// <summary>When the registry registered the worker; null while only later events have arrived.</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>Time of the event the name and household village come from.</summary>
    public DateTimeOffset ProfileAsOf { get; private set; }

    public DateOnly? ReturnedOn { get; private set; }

    /// <summary>Time of the event the profile facts (return date) come from.</summary>
    public DateTimeOffset FactsAsOf { get; private set; }

    public WorkerStatus? Status { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    public IReadOnlyList<CompletedTraining> CompletedTrainings { get; private set; } = [];

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>A worker only later events have told about so far; the registration completes it.</summary>
    public static Worker Unknown(Guid workerId) => new()
    {
        WorkerId = workerId,
        ProfileAsOf = DateTimeOffset.MinValue,
        FactsAsOf = DateTimeOffset.MinValue,
        StatusAsOf = DateTimeOffset.MinValue,
    };

    public void ApplyRegistration(string name, DateOnly birthDate, string householdDivision, DateTimeOffset occurredAt)
    {
        BirthDate = birthDate;
        RegisteredAt = occurredAt;
        ApplyProfile(name, householdDivision, occurredAt);
    }

    /// <summary>Applies name and household village unless newer ones are already known.</summary>
    public void ApplyProfile(string name, string householdDivision, DateTimeOffset asOf)
    {
        if (asOf < ProfileAsOf)
        {
            return;
        }

        Name = name;
        HouseholdDivision = householdDivision;
        ProfileAsOf = asOf;
    }

    /// <summary>Applies the return date unless a newer profile is already known.</summary>
    public void ApplyFacts(DateOnly? returnedOn, DateTimeOffset asOf)
    {
        if (asOf < FactsAsOf)
        {
            return;
        }

        ReturnedOn = returnedOn;
        FactsAsOf = asOf;
    }

    /// <summary>Applies an employment status unless a newer one is already known.</summary>
    public void ApplyStatus(WorkerStatus status, DateTimeOffset asOf)
    {
        if (asOf < StatusAsOf)
        {
            return;
        }

        Status = status;
        StatusAsOf = asOf;
    }

    /// <summary>Adds a completed training; the same enrollment again changes nothing.</summary>
    public void ApplyTrainingCompleted(CompletedTraining training)
    {
        if (CompletedTrainings.Any(t => t.EnrollmentId == training.EnrollmentId))
        {
            return;
        }

        CompletedTrainings = [.. CompletedTrainings, training];
    }

    /// <summary>Whole years of age on <paramref name="today"/>, when the birth date is known.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (BirthDate is not { } birth)
        {
            return null;
        }

        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}

public sealed record CompletedTraining(Guid EnrollmentId, string TradeCode, DateOnly CompletedOn);

/// <summary>The registry's employment statuses, by the same names.</summary>
public enum WorkerStatus
{
    SeekingWork = 0,
    EmployedLocally = 1,
    EmployedElsewhere = 2,
    SelfEmployed = 3,
    InTraining = 4,
    NotInLabourForce = 5,
}
