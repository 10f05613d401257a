namespace Homeward.Subsidy.Domain.Rules;

/// <summary>The facts eligibility rules may look at. Each has one kind of value.</summary>
public enum Fact
{
    /// <summary>Whole years of age on the day of evaluation (number).</summary>
    Age,

    /// <summary>Days from the day the worker came home to the day of evaluation (number).</summary>
    DaysSinceReturn,

    /// <summary>The registry's employment status, e.g. seekingWork, selfEmployed (text).</summary>
    EmploymentStatus,

    /// <summary>How many trainings the worker has completed (number).</summary>
    TrainingsCompleted,

    /// <summary>The trades of the completed trainings (set of trade codes).</summary>
    TrainedTrades,

    /// <summary>Whether the worker founded a business registered here (flag).</summary>
    HasBusiness,

    /// <summary>Whole months since the business was registered (number).</summary>
    BusinessAgeMonths,

    /// <summary>individualBusiness, microEnterprise or cooperative (text).</summary>
    BusinessKind,

    /// <summary>GB/T 4754 section letter of the business (text).</summary>
    BusinessSector,

    /// <summary>Jobs the business created (number).</summary>
    BusinessEmployees,

    /// <summary>Codes of the policies whose benefit the worker was already approved for (set).</summary>
    BenefitsReceived,
}

public enum FactType
{
    Number,
    Text,
    Flag,
    Set,
}

public static class FactTypes
{
    public static FactType Of(Fact fact) => fact switch
    {
        Fact.Age or Fact.DaysSinceReturn or Fact.TrainingsCompleted or Fact.BusinessAgeMonths or Fact.BusinessEmployees => FactType.Number,
        Fact.EmploymentStatus or Fact.BusinessKind or Fact.BusinessSector => FactType.Text,
        Fact.HasBusiness => FactType.Flag,
        Fact.TrainedTrades or Fact.BenefitsReceived => FactType.Set,
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "Unknown fact."),
    };
}

/// <summary>
/// The known facts of one worker (and their business) on one day. A fact that is not known is absent, and every
/// condition on it is unmet with the reason that it is unknown: a rule never guesses in a worker's favour or against.
/// </summary>
public sealed class FactSet
{
    private readonly Dictionary<Fact, decimal> _numbers = [];
    private readonly Dictionary<Fact, string> _texts = [];
    private readonly Dictionary<Fact, bool> _flags = [];
    private readonly Dictionary<Fact, IReadOnlySet<string>> _sets = [];

    public FactSet Number(Fact fact, decimal? value)
    {
        Ensure(fact, FactType.Number);
        if (value is { } number)
        {
            _numbers[fact] = number;
        }

        return this;
    }

    public FactSet Text(Fact fact, string? value)
    {
        Ensure(fact, FactType.Text);
        if (value is not null)
        {
            _texts[fact] = value;
        }

        return this;
    }

    public FactSet Flag(Fact fact, bool value)
    {
        Ensure(fact, FactType.Flag);
        _flags[fact] = value;
        return this;
    }

    public FactSet Set(Fact fact, IEnumerable<string> values)
    {
        Ensure(fact, FactType.Set);
        _sets[fact] = values.ToHashSet(StringComparer.Ordinal);
        return this;
    }

    public bool TryNumber(Fact fact, out decimal value) => _numbers.TryGetValue(fact, out value);

    public bool TryText(Fact fact, out string value) => _texts.TryGetValue(fact, out value!);

    public bool TryFlag(Fact fact, out bool value) => _flags.TryGetValue(fact, out value);

    public bool TrySet(Fact fact, out IReadOnlySet<string> value) => _sets.TryGetValue(fact, out value!);

    private static void Ensure(Fact fact, FactType type)
    {
        if (FactTypes.Of(fact) != type)
        {
            throw new ArgumentException($"{fact} is a {FactTypes.Of(fact)} fact, not a {type} one.", nameof(fact));
        }
    }
}
