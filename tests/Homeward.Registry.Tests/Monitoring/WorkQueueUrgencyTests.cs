using Homeward.Registry.Application.Monitoring;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>The ordering rule of the work queue, on its own.</summary>
public sealed class WorkQueueUrgencyTests
{
    private const int StaleAfterDays = 180;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(WorkQueueReason.OpenDiscrepancy, 0, 30)]
    [InlineData(WorkQueueReason.OpenDiscrepancy, 10, 60)]
    [InlineData(WorkQueueReason.NewReturnWithoutVisit, 0, 20)]
    [InlineData(WorkQueueReason.NewReturnWithoutVisit, 25, 70)]
    [InlineData(WorkQueueReason.StaleRecord, 180, 10)]
    [InlineData(WorkQueueReason.StaleRecord, 250, 80)]
    public void The_score_is_a_base_weight_plus_a_weight_per_whole_day(WorkQueueReason reason, int daysAgo, int expected)
    {
        Assert.Equal(expected, WorkQueueUrgency.Score(reason, Now.AddDays(-daysAgo).AddHours(-5), Now, StaleAfterDays));
    }

    [Fact]
    public void A_time_in_the_future_counts_as_no_days()
    {
        Assert.Equal(WorkQueueUrgency.DiscrepancyBase, WorkQueueUrgency.Score(WorkQueueReason.OpenDiscrepancy, Now.AddDays(2), Now, StaleAfterDays));
    }

    [Theory]
    [InlineData(WorkQueueReason.OpenDiscrepancy)]
    [InlineData(WorkQueueReason.NewReturnWithoutVisit)]
    [InlineData(WorkQueueReason.StaleRecord)]
    public void Within_a_reason_older_is_never_less_urgent(WorkQueueReason reason)
    {
        var scores = Enumerable.Range(0, 400).Select(days => WorkQueueUrgency.Score(reason, Now.AddDays(-days), Now, StaleAfterDays)).ToList();

        Assert.Equal(scores.Order(), scores);
        Assert.True(scores[^1] > scores[0]);
    }

    [Fact]
    public void Of_the_same_age_a_discrepancy_outranks_a_return_which_outranks_a_stale_record()
    {
        var since = Now.AddDays(-200);

        var ranked = WorkQueueUrgency.Rank(
            [
                Candidate(WorkQueueReason.StaleRecord, since),
                Candidate(WorkQueueReason.NewReturnWithoutVisit, since),
                Candidate(WorkQueueReason.OpenDiscrepancy, since),
            ],
            Now,
            StaleAfterDays,
            10);

        Assert.Equal(
            [WorkQueueReason.OpenDiscrepancy, WorkQueueReason.NewReturnWithoutVisit, WorkQueueReason.StaleRecord],
            ranked.Select(item => item.Reason));
    }

    [Fact]
    public void What_waited_long_enough_rises_above_fresh_weightier_work_and_ties_go_to_the_longer_wait()
    {
        var freshDiscrepancy = Candidate(WorkQueueReason.OpenDiscrepancy, Now.AddHours(-1));
        var oldReturn = Candidate(WorkQueueReason.NewReturnWithoutVisit, Now.AddDays(-6));
        var tiedEarlier = Candidate(WorkQueueReason.StaleRecord, Now.AddDays(-190).AddHours(-20));
        var tiedLater = Candidate(WorkQueueReason.StaleRecord, Now.AddDays(-190).AddHours(-2));

        var ranked = WorkQueueUrgency.Rank([tiedLater, freshDiscrepancy, tiedEarlier, oldReturn], Now, StaleAfterDays, 3);

        Assert.Equal([oldReturn.WorkerId, freshDiscrepancy.WorkerId, tiedEarlier.WorkerId], ranked.Select(item => item.WorkerId));
        Assert.Equal([32, 30, 20], ranked.Select(item => item.Urgency));
    }

    private static WorkQueueCandidate Candidate(WorkQueueReason reason, DateTimeOffset since) =>
        new(Guid.NewGuid(), "王强", "419921101201", reason, since, null, null);
}
