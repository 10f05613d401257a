using System.Text.Json;
using Homeward.Subsidy.Domain.Rules;

namespace Homeward.Subsidy.Tests.Rules;

/// <summary>The rule language over many sets of facts: every outcome and every reason.</summary>
public sealed class RuleEvaluatorTests
{
    /// <summary>Startup subsidy: 18–60, home within two years, self-employed with a business under three years old, not paid before.</summary>
    private const string StartupRule = """
        {"all":[
          {"fact":"age","op":"ge","value":18},
          {"fact":"age","op":"le","value":60},
          {"fact":"daysSinceReturn","op":"le","value":730},
          {"fact":"employmentStatus","op":"in","value":["selfEmployed","seekingWork"]},
          {"fact":"hasBusiness","op":"eq","value":true},
          {"fact":"businessAgeMonths","op":"lt","value":36},
          {"not":{"fact":"benefitsReceived","op":"contains","value":"startup-subsidy"}}
        ]}
        """;

    /// <summary>Hiring subsidy: a micro enterprise or cooperative with at least 3 jobs, or any business whose founder trained in e-commerce.</summary>
    private const string HiringRule = """
        {"any":[
          {"all":[{"fact":"businessKind","op":"in","value":["microEnterprise","cooperative"]},{"fact":"businessEmployees","op":"ge","value":3}]},
          {"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"trainedTrades","op":"contains","value":"e-commerce"}]}
        ]}
        """;

    public static readonly IEnumerable<object?[]> Cases =
    [
        // rule,      age, days, status,          business, months, kind,               jobs, trades,          benefits,            eligible
        Row("startup", 34, 100, "selfEmployed", true, 6, "individualBusiness", 1, [], [], true),
        Row("startup", 18, 0, "seekingWork", true, 0, "individualBusiness", 0, [], [], true),
        Row("startup", 60, 730, "selfEmployed", true, 35, "microEnterprise", 2, [], [], true),
        Row("startup", 17, 100, "selfEmployed", true, 6, "individualBusiness", 1, [], [], false),
        Row("startup", 61, 100, "selfEmployed", true, 6, "individualBusiness", 1, [], [], false),
        Row("startup", 34, 731, "selfEmployed", true, 6, "individualBusiness", 1, [], [], false),
        Row("startup", 34, null, "selfEmployed", true, 6, "individualBusiness", 1, [], [], false),
        Row("startup", null, 100, "selfEmployed", true, 6, "individualBusiness", 1, [], [], false),
        Row("startup", 34, 100, "employedLocally", true, 6, "individualBusiness", 1, [], [], false),
        Row("startup", 34, 100, "selfEmployed", false, null, null, null, [], [], false),
        Row("startup", 34, 100, "selfEmployed", true, 36, "individualBusiness", 1, [], [], false),
        Row("startup", 34, 100, "selfEmployed", true, 6, "individualBusiness", 1, [], ["startup-subsidy"], false),
        Row("startup", 34, 100, "selfEmployed", true, 6, "individualBusiness", 1, [], ["travel-subsidy"], true),
        Row("hiring", 40, 50, "selfEmployed", true, 12, "microEnterprise", 3, [], [], true),
        Row("hiring", 40, 50, "selfEmployed", true, 12, "cooperative", 10, [], [], true),
        Row("hiring", 40, 50, "selfEmployed", true, 12, "microEnterprise", 2, [], [], false),
        Row("hiring", 40, 50, "selfEmployed", true, 12, "individualBusiness", 5, [], [], false),
        Row("hiring", 40, 50, "selfEmployed", true, 12, "individualBusiness", 1, ["e-commerce"], [], true),
        Row("hiring", 40, 50, "seekingWork", false, null, null, null, ["e-commerce"], [], false),
        Row("hiring", 40, 50, "selfEmployed", true, 12, "individualBusiness", 1, ["welder"], [], false),
    ];

    private static object?[] Row(
        string rule, int? age, int? days, string? status, bool hasBusiness, int? months, string? kind, int? jobs, string[] trades, string[] benefits, bool eligible) =>
        [rule, age, days, status, hasBusiness, months, kind, jobs, trades, benefits, eligible];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_decides_by_the_facts_and_gives_a_reason_for_every_condition(
        string rule, int? age, int? days, string? status, bool hasBusiness, int? months, string? kind, int? jobs, string[] trades, string[] benefits, bool eligible)
    {
        var parsed = Parse(rule == "startup" ? StartupRule : HiringRule);
        var facts = new FactSet()
            .Number(Fact.Age, age)
            .Number(Fact.DaysSinceReturn, days)
            .Text(Fact.EmploymentStatus, status)
            .Flag(Fact.HasBusiness, hasBusiness)
            .Number(Fact.BusinessAgeMonths, months)
            .Text(Fact.BusinessKind, kind)
            .Number(Fact.BusinessEmployees, jobs)
            .Set(Fact.TrainedTrades, trades)
            .Set(Fact.BenefitsReceived, benefits);

        var outcome = RuleEvaluator.Evaluate(parsed, facts);

        Assert.Equal(eligible, outcome.Met);
        Assert.Equal(eligible, RuleEvaluator.IsMet(parsed, facts));
        Assert.Equal(rule == "startup" ? 7 : 4, outcome.Reasons.Count);
        if (rule == "startup")
        {
            // An all-rule is met exactly when every condition speaks for the worker.
            Assert.Equal(eligible, outcome.Reasons.All(r => r.InFavour));
        }

        Assert.All(outcome.Reasons, reason => Assert.EndsWith(reason.InFavour ? "yes" : "no", reason.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_fact_is_never_met_and_says_so()
    {
        var outcome = RuleEvaluator.Evaluate(Parse("""{"fact":"age","op":"ge","value":18}"""), new FactSet());

        Assert.False(outcome.Met);
        Assert.Equal("age ≥ 18: unknown — no", Assert.Single(outcome.Reasons).Text);
    }

    [Fact]
    public void Under_not_an_unmet_condition_speaks_for_the_worker()
    {
        var outcome = RuleEvaluator.Evaluate(
            Parse("""{"not":{"fact":"benefitsReceived","op":"contains","value":"startup-subsidy"}}"""),
            new FactSet().Set(Fact.BenefitsReceived, ["travel-subsidy"]));

        Assert.True(outcome.Met);
        var reason = Assert.Single(outcome.Reasons);
        Assert.False(reason.Met);
        Assert.True(reason.InFavour);
        Assert.Equal("not benefitsReceived contains startup-subsidy: [travel-subsidy] — yes", reason.Text);
    }

    [Theory]
    [InlineData("""{"all":[]}""", true)]
    [InlineData("""{"fact":"employmentStatus","op":"eq","value":"seekingWork"}""", true)]
    [InlineData("""{"fact":"employmentStatus","op":"ne","value":"seekingWork"}""", false)]
    [InlineData("""{"fact":"employmentStatus","op":"notIn","value":["selfEmployed"]}""", true)]
    [InlineData("""{"fact":"trainingsCompleted","op":"gt","value":1}""", true)]
    [InlineData("""{"fact":"trainingsCompleted","op":"eq","value":1}""", false)]
    [InlineData("""{"fact":"trainedTrades","op":"notContains","value":"welder"}""", false)]
    [InlineData("""{"fact":"hasBusiness","op":"ne","value":true}""", true)]
    [InlineData("""{"any":[{"fact":"age","op":"lt","value":20},{"fact":"age","op":"gt","value":30}]}""", true)]
    public void Each_comparison_means_what_it_says(string rule, bool met)
    {
        var facts = new FactSet()
            .Number(Fact.Age, 34)
            .Text(Fact.EmploymentStatus, "seekingWork")
            .Number(Fact.TrainingsCompleted, 2)
            .Set(Fact.TrainedTrades, ["welder", "electrician"])
            .Flag(Fact.HasBusiness, false);

        Assert.Equal(met, RuleEvaluator.Evaluate(Parse(rule), facts).Met);
    }

    [Fact]
    public void A_rule_reads_back_as_the_same_json()
    {
        var rule = Parse(StartupRule);

        var json = JsonSerializer.Serialize(rule);

        Assert.Equal(rule.ToString(), Parse(json).ToString());
        Assert.Equal(json, JsonSerializer.Serialize(Parse(json)));
        Assert.StartsWith("""{"all":[{"fact":"age","op":"ge","value":18}""", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"fact":"shoeSize","op":"eq","value":42}""")]
    [InlineData("""{"fact":"age","op":"like","value":42}""")]
    [InlineData("""{"fact":"1","op":"eq","value":42}""")]
    [InlineData("""{"fact":"age","op":" 1","value":42}""")]
    [InlineData("""{"fact":"","op":"eq","value":42}""")]
    [InlineData("""{"fact":"age","op":"ge"}""")]
    [InlineData("""{"all":[],"any":[]}""")]
    [InlineData("""{"all":{}}""")]
    [InlineData("""{"fact":"age","op":"ge","value":{"a":1}}""")]
    [InlineData("""[]""")]
    public void A_rule_outside_the_language_is_refused_when_read(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Parse(json));
    }

    [Theory]
    [InlineData("""{"fact":"age","op":"ge","value":"eighteen"}""", "age is compared with a number")]
    [InlineData("""{"fact":"age","op":"contains","value":"1"}""", "op contains does not apply")]
    [InlineData("""{"fact":"businessKind","op":"in","value":[]}""", "non-empty list")]
    [InlineData("""{"fact":"hasBusiness","op":"eq","value":1}""", "true or false")]
    [InlineData("""{"fact":"benefitsReceived","op":"contains","value":["a"]}""", "takes one text")]
    [InlineData("""{"any":[]}""", "at least one rule")]
    public void A_rule_whose_comparisons_do_not_fit_their_facts_is_named_by_path(string json, string problem)
    {
        var problems = RuleChecker.Problems(Parse(json));

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal) && p.StartsWith("rule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_nested_too_deep_is_refused()
    {
        var json = string.Concat(Enumerable.Repeat("""{"not":""", 9)) + """{"fact":"age","op":"ge","value":1}""" + new string('}', 9);

        Assert.Contains(RuleChecker.Problems(Parse(json)), p => p.Contains("levels deep", StringComparison.Ordinal));
    }

    private static Rule Parse(string json) => JsonSerializer.Deserialize<Rule>(json)!;
}
