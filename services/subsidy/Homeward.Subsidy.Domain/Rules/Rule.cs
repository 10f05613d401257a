using System.Text.Json.Serialization;

namespace Homeward.Subsidy.Domain.Rules;

/// <summary>
/// An eligibility rule as data: a tree of <see cref="AllOf"/>, <see cref="AnyOf"/>, <see cref="Not"/> and
/// <see cref="Condition"/>s over known <see cref="Fact"/>s. Its JSON form is documented in the service README, e.g.
/// <c>{"all":[{"fact":"age","op":"le","value":45},{"not":{"fact":"benefitsReceived","op":"contains","value":"startup-subsidy"}}]}</c>.
/// </summary>
[JsonConverter(typeof(RuleJsonConverter))]
public abstract record Rule;

/// <summary>Met when every one of its rules is met (and when it has none).</summary>
public sealed record AllOf(IReadOnlyList<Rule> Rules) : Rule;

/// <summary>Met when at least one of its rules is met.</summary>
public sealed record AnyOf(IReadOnlyList<Rule> Rules) : Rule;

/// <summary>Met when its rule is not met.</summary>
public sealed record Not(Rule Rule) : Rule;

/// <summary>A comparison of one fact with a value.</summary>
public sealed record Condition(Fact Fact, Comparison Op, RuleValue Value) : Rule;

public enum Comparison
{
    /// <summary>Equal (number, text, flag).</summary>
    Eq,

    /// <summary>Not equal (number, text, flag).</summary>
    Ne,

    Lt,
    Le,
    Gt,
    Ge,

    /// <summary>The text is one of a list.</summary>
    In,

    /// <summary>The text is none of a list.</summary>
    NotIn,

    /// <summary>The set holds the text.</summary>
    Contains,

    /// <summary>The set does not hold the text.</summary>
    NotContains,
}

/// <summary>The value a condition compares with: exactly one of its members is set.</summary>
public sealed record RuleValue(decimal? Number = null, string? Text = null, IReadOnlyList<string>? Texts = null, bool? Flag = null)
{
    public override string ToString() =>
        Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? Text
        ?? (Texts is not null ? "[" + string.Join(", ", Texts) + "]" : null)
        ?? (Flag is { } flag ? (flag ? "true" : "false") : "nothing");
}
