namespace Homeward.Training.Domain.Workers;

/// <summary>
/// What training knows of a registered worker, projected from the registry's events: name, household village,
/// training needs and employment status. It holds no national ID number and no phone number. Events arrive in any
/// order and more than once: each group of facts remembers the time of the event it came from, so an older event
/// that arrives late never overwrites newer facts, and a later event that overtakes the registration is kept until
/// the registration fills in the rest.
/// </summary>
public sealed class Worker
{
    private static readonly string[] EmployedStatuses = ["employedLocally", "employedElsewhere", "selfEmployed"];

    private Worker()
    {
    }

    public Guid WorkerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string HouseholdDivision { get; private set; } = string.Empty;

    public DateTimeOffset ProfileAsOf { get; private set; }

    /// <summary>When the worker was registered; null while only later events have arrived, and then no one may enroll them.</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>Trade codes the worker wants training in.</summary>
    public string[] TrainingNeeds { get; private set; } = [];

    public DateTimeOffset FactsAsOf { get; private set; }

    /// <summary>The registry's employment status name in camelCase, e.g. "seekingWork"; null until known.</summary>
    public string? Status { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>
    /// The (household village, trade) pairs this worker adds to the demand for training: one per training need, once
    /// registered.
    /// </summary>
    public IEnumerable<(string Division, string TradeCode)> CountedNeeds() =>
        IsRegistered ? TrainingNeeds.Select(trade => (HouseholdDivision, trade)) : [];

    public static bool IsEmployment(string status) => EmployedStatuses.Contains(status, StringComparer.Ordinal);

    /// <summary>A worker only later events have told about so far; the registration completes it.</summary>
    public static Worker Unknown(Guid workerId) => new()
    {
        WorkerId = workerId,
        ProfileAsOf = DateTimeOffset.MinValue,
        FactsAsOf = DateTimeOffset.MinValue,
        StatusAsOf = DateTimeOffset.MinValue,
    };

    public void ApplyRegistration(string name, string householdDivision, DateTimeOffset occurredAt)
    {
        RegisteredAt = occurredAt;
        ApplyProfile(name, householdDivision, occurredAt);
    }

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

    public void ApplyTrainingNeeds(IEnumerable<string> tradeCodes, DateTimeOffset asOf)
    {
        if (asOf < FactsAsOf)
        {
            return;
        }

        TrainingNeeds = [.. tradeCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        FactsAsOf = asOf;
    }

    public void ApplyStatus(string status, DateTimeOffset asOf)
    {
        if (asOf < StatusAsOf)
        {
            return;
        }

        Status = status;
        StatusAsOf = asOf;
    }
}
