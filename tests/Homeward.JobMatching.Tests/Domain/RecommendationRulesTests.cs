using Homeward.JobMatching.Domain.Placements;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.SharedKernel;

namespace Homeward.JobMatching.Tests.Domain;

public sealed class RecommendationRulesTests
{
    private static readonly DateTimeOffset Recommended = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Outcomes_move_forward_and_an_ending_one_closes_the_recommendation()
    {
        var recommendation = Recommend();

        recommendation.RecordOutcome(RecommendationOutcome.Applied, Recommended.AddHours(1), "staff", null, Recommended.AddDays(1));
        recommendation.RecordOutcome(RecommendationOutcome.Interviewed, Recommended.AddHours(2), "staff", null, Recommended.AddDays(1));
        Assert.True(recommendation.IsOpen);
        recommendation.RecordOutcome(RecommendationOutcome.Rejected, Recommended.AddHours(3), "staff", "not enough experience", Recommended.AddDays(1));

        Assert.False(recommendation.IsOpen);
        Assert.Equal(RecommendationOutcome.Rejected, recommendation.Outcome);
        Assert.Equal(3, recommendation.Outcomes.Count);
        Assert.Equal("recommendation-closed", Assert.Throws<DomainException>(
            () => recommendation.RecordOutcome(RecommendationOutcome.Hired, Recommended.AddHours(4), "staff", null, Recommended.AddDays(1))).Code);
    }

    [Fact]
    public void An_outcome_cannot_go_back_repeat_precede_the_recommendation_or_lie_in_the_future()
    {
        var recommendation = Recommend();
        recommendation.RecordOutcome(RecommendationOutcome.Interviewed, Recommended.AddHours(1), "staff", null, Recommended.AddDays(1));

        Assert.Equal("outcome-not-allowed", Assert.Throws<DomainException>(
            () => recommendation.RecordOutcome(RecommendationOutcome.Applied, Recommended.AddHours(2), "staff", null, Recommended.AddDays(1))).Code);
        Assert.Equal("outcome-not-allowed", Assert.Throws<DomainException>(
            () => recommendation.RecordOutcome(RecommendationOutcome.Interviewed, Recommended.AddHours(2), "staff", null, Recommended.AddDays(1))).Code);
        Assert.Equal("outcome-time-invalid", Assert.Throws<DomainException>(
            () => recommendation.RecordOutcome(RecommendationOutcome.Declined, Recommended.AddHours(-1), "staff", null, Recommended.AddDays(1))).Code);
        Assert.Equal("outcome-time-invalid", Assert.Throws<DomainException>(
            () => recommendation.RecordOutcome(RecommendationOutcome.Declined, Recommended.AddDays(2), "staff", null, Recommended.AddDays(1))).Code);
    }

    [Fact]
    public void A_placement_in_a_partner_city_is_cross_region_without_a_workplace_division_and_ends_once_not_before_it_began()
    {
        var placement = Placement.Hire(
            Guid.NewGuid(), Guid.NewGuid(), "419921101201", Guid.NewGuid(), null, null, "419921000000", "tianjin", "welder", 6000m, new DateOnly(2026, 5, 10), [1, 3, 6], "staff", Recommended);

        Assert.True(placement.CrossRegion);
        Assert.Null(placement.WorkplaceDivision);
        Assert.Equal(new DateOnly(2026, 6, 10), placement.NextFollowUpOn);
        Assert.Equal("placement-end-before-start", Assert.Throws<DomainException>(() => placement.End(new DateOnly(2026, 5, 9), PlacementEndReason.Resigned, null)).Code);
        placement.End(new DateOnly(2026, 8, 1), PlacementEndReason.ContractEnded, null);
        Assert.Null(placement.NextFollowUpOn);
        Assert.Equal("placement-already-ended", Assert.Throws<DomainException>(() => placement.End(new DateOnly(2026, 8, 2), PlacementEndReason.Other, null)).Code);
    }

    private static Recommendation Recommend() =>
        Recommendation.Record(Guid.NewGuid(), Guid.NewGuid(), "419921101201", Guid.NewGuid(), RecommendationChannel.Staff, "staff", null, Recommended);
}
