using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Tests.Profile;

/// <summary>Which groups of a profile changed, as a profile update's event reports them.</summary>
public sealed class WorkerProfileComparerTests
{
    private static WorkerProfile Profile(SkillLevel welding = SkillLevel.Intermediate, string wantedTrade = "welder") => new(
        new Residence("110105", "北京市朝阳区"),
        EducationLevel.JuniorHigh,
        [new Skill("welder", welding), new Skill("electrician", SkillLevel.Junior)],
        [],
        [new PriorWork("110000", "E", 6.5m)],
        new ReturnHome(new DateOnly(2025, 12, 20), ReturnReason.FamilyCare),
        new JobIntention([wantedTrade], WorkLocation.HomeCounty, 4500m, null, [new MonthRange(11, 2)], true),
        null,
        ["e-commerce"],
        new FamilySituation(5, 2, 2, false, true));

    [Fact]
    public void The_same_facts_built_anew_change_no_group()
    {
        Assert.Empty(WorkerProfileComparer.ChangedGroups(Profile(), Profile()));
    }

    [Fact]
    public void A_changed_item_of_a_list_or_of_a_list_inside_a_group_changes_that_group_only()
    {
        Assert.Equal(["skills"], WorkerProfileComparer.ChangedGroups(Profile(), Profile(welding: SkillLevel.Senior)));
        Assert.Equal(["jobIntention"], WorkerProfileComparer.ChangedGroups(Profile(), Profile(wantedTrade: "electrician")));
    }

    [Fact]
    public void A_group_filled_or_emptied_is_a_change()
    {
        var before = Profile();

        Assert.Equal(["entrepreneurship", "trainingNeeds"], WorkerProfileComparer.ChangedGroups(
            before,
            before with { Entrepreneurship = new EntrepreneurshipIntention(true, "A", null, false), TrainingNeeds = [] }));
    }
}
