using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Tests.Profile;

/// <summary>The profile rules of the domain, without HTTP: limits and the rules whose cases are tedious to send.</summary>
public sealed class WorkerProfileRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly string[] Trades = [.. TradeCatalog.Current.All.Where(t => t.RetiredOn is null).Select(t => t.Code)];

    private static readonly WorkerProfile Valid = new(
        new Residence("110105", "北京市朝阳区"),
        EducationLevel.JuniorHigh,
        [new Skill("welder", SkillLevel.Intermediate)],
        [new Certificate("S-1", CertificateKind.SkillLevel, "welder", SkillLevel.Intermediate, "人社局", new DateOnly(2020, 5, 1), false)],
        [new PriorWork("110000", "E", 6.5m)],
        new ReturnHome(new DateOnly(2025, 12, 20), ReturnReason.FamilyCare),
        new JobIntention(["welder"], WorkLocation.HomeCounty, 4500.50m, Today.AddYears(3), [new MonthRange(11, 2)], true),
        new EntrepreneurshipIntention(true, "A", "养殖合作社", true),
        ["e-commerce"],
        new FamilySituation(5, 2, 2, false, true));

    [Fact]
    public void A_complete_valid_profile_breaks_no_rule()
    {
        Assert.Empty(WorkerProfileRules.Problems(Valid, Today));
        Assert.Empty(WorkerProfileRules.Problems(WorkerProfile.Empty, Today));
    }

    [Fact]
    public void Lists_longer_than_their_limit_are_refused_as_a_whole()
    {
        Assert.True(Trades.Length > WorkerProfileRules.MaxSkills, "the trade reference data has enough trades for this test");
        var profile = Valid with
        {
            Skills = [.. Trades.Take(WorkerProfileRules.MaxSkills + 1).Select(t => new Skill(t, SkillLevel.Junior))],
            Certificates = [.. Enumerable.Range(0, WorkerProfileRules.MaxCertificates + 1).Select(i => Valid.Certificates[0] with { Number = $"S-{i}" })],
            PriorWork = [.. Enumerable.Repeat(Valid.PriorWork[0], WorkerProfileRules.MaxPriorWork + 1)],
            TrainingNeeds = [.. Trades.Take(WorkerProfileRules.MaxTrades + 1)],
            JobIntention = Valid.JobIntention! with { Trades = [.. Trades.Take(WorkerProfileRules.MaxTrades + 1)] },
        };

        var fields = WorkerProfileRules.Problems(profile, Today).Select(p => p.Field).ToList();

        Assert.Equal(["certificates", "jobIntention.trades", "priorWork", "skills", "trainingNeeds"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_item_listed_again_is_reported_with_the_first_place_it_is_listed()
    {
        var welder = new Skill("welder", SkillLevel.Junior);
        var profile = Valid with
        {
            Skills = [welder, new Skill("electrician", SkillLevel.Junior), welder with { Level = SkillLevel.Senior }],
            Certificates = [Valid.Certificates[0], Valid.Certificates[0] with { Number = "S-2" }, Valid.Certificates[0] with { Number = " S-1 " }],
            TrainingNeeds = ["e-commerce", "welder", "e-commerce"],
        };

        var problems = WorkerProfileRules.Problems(profile, Today).ToList();

        Assert.Equal(["skills[2].tradeCode", "certificates[2].number", "trainingNeeds[2]"], problems.Select(p => p.Field));
        Assert.Contains("skills[0]", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("certificates[0]", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_household_must_be_larger_than_its_dependents()
    {
        Assert.Empty(WorkerProfileRules.Problems(Valid with { Family = new FamilySituation(1, 0, 0, false, false) }, Today));
        Assert.Equal(
            ["family.householdSize"],
            WorkerProfileRules.Problems(Valid with { Family = new FamilySituation(1, 1, 0, false, false) }, Today).Select(p => p.Field));
    }

    [Fact]
    public void Availability_may_be_in_the_past_but_not_more_than_three_years_ahead()
    {
        var intention = Valid.JobIntention!;

        Assert.Empty(WorkerProfileRules.Problems(Valid with { JobIntention = intention with { AvailableFrom = new DateOnly(2024, 1, 1) } }, Today));
        Assert.Equal(
            ["jobIntention.availableFrom"],
            WorkerProfileRules.Problems(Valid with { JobIntention = intention with { AvailableFrom = Today.AddYears(3).AddDays(1) } }, Today).Select(p => p.Field));
    }

    [Theory]
    [InlineData(11, 2, new[] { 1, 2, 11, 12 })]
    [InlineData(3, 5, new[] { 3, 4, 5 })]
    [InlineData(6, 6, new[] { 6 })]
    [InlineData(12, 1, new[] { 1, 12 })]
    public void Busy_months_may_wrap_over_the_new_year(int from, int to, int[] months)
    {
        var range = new MonthRange(from, to);

        Assert.Equal(months, Enumerable.Range(1, 12).Where(range.Contains));
    }
}
