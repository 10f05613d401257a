using System.Globalization;
using System.Text.Json;

namespace Homeward.Subsidy.Domain.Rules;

/// <summary>Why a condition was met or not: the fact, what the rule asked, what was known, and the outcome.</summary>
/// <param name="Negated">The condition sits under an odd number of <see cref="Not"/>s: the rule needs it unmet.</param>
public sealed record RuleReason(string Fact, string Expected, string? Actual, bool Met, bool Negated)
{
    /// <summary>Whether this condition speaks for the worker: met where the rule needs it met, unmet under a <c>not</c>.</summary>
    public bool InFavour => Met != Negated;

    public string Text =>
        $"{(Negated ? "not " : string.Empty)}{Fact} {Expected}: {(Actual is null ? "unknown" : Actual)} — {(InFavour ? "yes" : "no")}";
}

/// <summary>The outcome of a rule for one set of facts, with the reason of every condition it looked at.</summary>
public sealed record RuleOutcome(bool Met, IReadOnlyList<RuleReason> Reasons);

/// <summary>Evaluates a rule tree over a <see cref="FactSet"/>; every condition is evaluated so that every reason is given.</summary>
public static class RuleEvaluator
{
    public static RuleOutcome Evaluate(Rule rule, FactSet facts)
    {
        var reasons = new List<RuleReason>();
        var met = Evaluate(rule, facts, negated: false, reasons);
        return new RuleOutcome(met, reasons);
    }

    /// <summary>Only whether the rule is met, without reasons: for evaluating many workers at once (outreach).</summary>
    public static bool IsMet(Rule rule, FactSet facts) => Evaluate(rule, facts, negated: false, reasons: null);

    private static bool Evaluate(Rule rule, FactSet facts, bool negated, List<RuleReason>? reasons)
    {
        switch (rule)
        {
            case AllOf all:
            {
                var met = true;
                foreach (var child in all.Rules)
                {
                    met &= Evaluate(child, facts, negated, reasons);
                }

                return met;
            }

            case AnyOf any:
            {
                var met = false;
                foreach (var child in any.Rules)
                {
                    met |= Evaluate(child, facts, negated, reasons);
                }

                return met;
            }

            case Not not:
                return !Evaluate(not.Rule, facts, !negated, reasons);
            case Condition condition:
            {
                var (met, actual) = Compare(condition, facts, reasons is not null);
                reasons?.Add(new RuleReason(Name(condition.Fact), $"{Symbol(condition.Op)} {condition.Value}", actual, met, negated));
                return met;
            }

            default:
                throw new ArgumentException($"Unknown rule {rule.GetType().Name}.", nameof(rule));
        }
    }

    private static (bool Met, string? Actual) Compare(Condition condition, FactSet facts, bool describe)
    {
        var value = condition.Value;
        switch (FactTypes.Of(condition.Fact))
        {
            case FactType.Number when facts.TryNumber(condition.Fact, out var number) && value.Number is { } expected:
                return (condition.Op switch
                {
                    Comparison.Eq => number == expected,
                    Comparison.Ne => number != expected,
                    Comparison.Lt => number < expected,
                    Comparison.Le => number <= expected,
                    Comparison.Gt => number > expected,
                    Comparison.Ge => number >= expected,
                    _ => false,
                }, describe ? number.ToString(CultureInfo.InvariantCulture) : null);
            case FactType.Text when facts.TryText(condition.Fact, out var text):
                return (condition.Op switch
                {
                    Comparison.Eq => text == value.Text,
                    Comparison.Ne => text != value.Text,
                    Comparison.In => value.Texts?.Contains(text) == true,
                    Comparison.NotIn => value.Texts?.Contains(text) == false,
                    _ => false,
                }, text);
            case FactType.Flag when facts.TryFlag(condition.Fact, out var flag) && value.Flag is { } expectedFlag:
                return (condition.Op switch
                {
                    Comparison.Eq => flag == expectedFlag,
                    Comparison.Ne => flag != expectedFlag,
                    _ => false,
                }, flag ? "true" : "false");
            case FactType.Set when facts.TrySet(condition.Fact, out var set) && value.Text is { } item:
                return (condition.Op switch
                {
                    Comparison.Contains => set.Contains(item),
                    Comparison.NotContains => !set.Contains(item),
                    _ => false,
                }, describe ? "[" + string.Join(", ", set.Order(StringComparer.Ordinal)) + "]" : null);
            default:
                return (false, null);
        }
    }

    public static string Name(Fact fact) => JsonNamingPolicy.CamelCase.ConvertName(fact.ToString());

    private static string Symbol(Comparison op) => op switch
    {
        Comparison.Eq => "=",
        Comparison.Ne => "≠",
        Comparison.Lt => "<",
        Comparison.Le => "≤",
        Comparison.Gt => ">",
        Comparison.Ge => "≥",
        Comparison.In => "in",
        Comparison.NotIn => "not in",
        Comparison.Contains => "contains",
        Comparison.NotContains => "does not contain",
        _ => op.ToString(),
    };
}

/// <summary>Checks that a rule can be evaluated: each comparison fits its fact's kind and value, and the tree stays small.</summary>
public static class RuleChecker
{
    public const int MaxDepth = 8;
    public const int MaxConditions = 50;

    /// <summary>What is wrong with the rule, by path ("all[1].not"); empty when it is sound.</summary>
    public static IReadOnlyList<string> Problems(Rule? rule)
    {
        var problems = new List<string>();
        if (rule is null)
        {
            problems.Add("A rule is required.");
            return problems;
        }

        var conditions = 0;
        Check(rule, "rule", 1, problems, ref conditions);
        if (conditions > MaxConditions)
        {
            problems.Add($"A rule has at most {MaxConditions} conditions.");
        }

        return problems;
    }

    private static void Check(Rule rule, string path, int depth, List<string> problems, ref int conditions)
    {
        if (depth > MaxDepth)
        {
            problems.Add($"{path}: a rule is at most {MaxDepth} levels deep.");
            return;
        }

        switch (rule)
        {
            case AllOf all:
                for (var i = 0; i < all.Rules.Count; i++)
                {
                    Check(all.Rules[i], $"{path}.all[{i}]", depth + 1, problems, ref conditions);
                }

                break;
            case AnyOf any:
                if (any.Rules.Count == 0)
                {
                    problems.Add($"{path}: \"any\" needs at least one rule.");
                }

                for (var i = 0; i < any.Rules.Count; i++)
                {
                    Check(any.Rules[i], $"{path}.any[{i}]", depth + 1, problems, ref conditions);
                }

                break;
            case Not not:
                Check(not.Rule, $"{path}.not", depth + 1, problems, ref conditions);
                break;
            case Condition condition:
                conditions++;
                if (Mismatch(condition) is { } problem)
                {
                    problems.Add($"{path}: {problem}");
                }

                break;
        }
    }

    private static string? Mismatch(Condition condition)
    {
        var value = condition.Value;
        var fact = RuleEvaluator.Name(condition.Fact);
        return FactTypes.Of(condition.Fact) switch
        {
            FactType.Number when condition.Op is Comparison.Eq or Comparison.Ne or Comparison.Lt or Comparison.Le or Comparison.Gt or Comparison.Ge
                => value.Number is null ? $"{fact} is compared with a number." : null,
            FactType.Text when condition.Op is Comparison.Eq or Comparison.Ne
                => value.Text is null ? $"{fact} is compared with a text." : null,
            FactType.Text when condition.Op is Comparison.In or Comparison.NotIn
                => value.Texts is not { Count: > 0 } ? $"{fact} in/notIn takes a non-empty list of texts." : null,
            FactType.Flag when condition.Op is Comparison.Eq or Comparison.Ne
                => value.Flag is null ? $"{fact} is compared with true or false." : null,
            FactType.Set when condition.Op is Comparison.Contains or Comparison.NotContains
                => value.Text is null ? $"{fact} contains/notContains takes one text." : null,
            var type => $"{fact} is a {type.ToString().ToLowerInvariant()} fact; op {JsonNamingPolicy.CamelCase.ConvertName(condition.Op.ToString())} does not apply to it.",
        };
    }
}
