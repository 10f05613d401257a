using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel;

namespace Homeward.JobMatching.Domain.FollowUp;

/// <summary>How a placed worker is doing when the office checks in.</summary>
public enum FollowUpOutcome
{
    StillEmployed = 0,

    /// <summary>Employed, but struggling to adapt: the office keeps an eye on it.</summary>
    Struggling = 1,

    /// <summary>The worker left the job; the reason says why.</summary>
    Left = 2,
}

/// <summary>
/// A check-in with a placed worker some months after the start, waiting in the work queue of the worker's office
/// until someone records how the worker is doing. One per placement and month count.
/// </summary>
public sealed class FollowUpTask : IHasRowVersion
{
    private FollowUpTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The worker's household village: whose work queue the task is in.</summary>
    public string WorkerDivision { get; private set; } = string.Empty;

    public int MonthsAfterStart { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    public FollowUpOutcome? Outcome { get; private set; }

    public decimal? MonthlyWage { get; private set; }

    public PlacementEndReason? LeftReason { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    public uint RowVersion { get; private set; }

    public bool IsOpen => Outcome is null;

    public static FollowUpTask Schedule(Guid id, Placement placement, int monthsAfterStart, DateTimeOffset now) => new()
    {
        Id = id,
        PlacementId = placement.Id,
        WorkerId = placement.WorkerId,
        WorkerDivision = placement.WorkerDivision,
        MonthsAfterStart = monthsAfterStart,
        DueOn = FollowUpSchedule.DueOn(placement.StartDate, monthsAfterStart),
        ScheduledAt = now,
    };

    public void Complete(FollowUpOutcome outcome, decimal? monthlyWage, PlacementEndReason? leftReason, string? note, string completedBy, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("follow-up-already-done", $"The check-in was recorded already ({Outcome}).");
        }

        if ((outcome == FollowUpOutcome.Left) != (leftReason is not null))
        {
            throw new DomainException("follow-up-left-reason", "A worker who left has a reason; one still employed has none.");
        }

        Outcome = outcome;
        MonthlyWage = monthlyWage;
        LeftReason = leftReason;
        Note = note;
        CompletedBy = completedBy;
        CompletedAt = now;
    }
}
