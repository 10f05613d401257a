using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Tests.Matching;

public sealed class MatcherTests
{
    private static readonly DateOnly Today = new(2026, 4, 20);

    [Fact]
    public void Busy_months_push_the_earliest_start_past_them_even_over_the_new_year()
    {
        Assert.Equal(new DateOnly(2026, 7, 1), Matcher.EarliestStart(Intention([4, 5, 6]), Today));
        Assert.Equal(new DateOnly(2027, 2, 1), Matcher.EarliestStart(Intention([11, 12, 1]), new DateOnly(2026, 11, 3)));
        Assert.Equal(Today, Matcher.EarliestStart(Intention([1, 2]), Today));
        Assert.Null(Matcher.EarliestStart(Intention([.. Enumerable.Range(1, 12)]), Today));
    }

    [Fact]
    public void Availability_from_a_later_day_starts_then_unless_that_month_is_busy()
    {
        Assert.Equal(new DateOnly(2026, 5, 10), Matcher.EarliestStart(Intention([], new DateOnly(2026, 5, 10)), Today));
        Assert.Equal(new DateOnly(2026, 6, 1), Matcher.EarliestStart(Intention([5], new DateOnly(2026, 5, 10)), Today));
    }

    [Fact]
    public void One_who_must_stay_near_family_reaches_only_the_home_county_and_no_intention_reaches_anywhere()
    {
        Assert.Equal(WorkLocation.HomeCounty, Matcher.Reach(Intention([]) with { Where = WorkLocation.Anywhere, MustStayNearFamily = true }));
        Assert.Equal(WorkLocation.Anywhere, Matcher.Reach(null));
    }

    [Fact]
    public void Weights_must_be_finite_and_not_negative_with_one_positive()
    {
        Assert.True(new MatchWeights(30, 20, 10, 15, 15, 10).AreValid);
        Assert.False(new MatchWeights(0, 0, 0, 0, 0, 0).AreValid);
        Assert.False(new MatchWeights(-1, 20, 10, 15, 15, 10).AreValid);
        Assert.False(new MatchWeights(double.NaN, 20, 10, 15, 15, 10).AreValid);
    }

    private static CandidateIntention Intention(IReadOnlyList<int> busy, DateOnly? availableFrom = null) =>
        new(["welder"], WorkLocation.City, null, availableFrom, busy, false);
}
