namespace Homeward.Subsidy.Domain.Outreach;

/// <summary>
/// One worker's way through one policy: notified → viewed → applied → approved → paid. Each step keeps the time it was
/// first reached and is never undone, so the funnel counts people, not clicks. A worker who applies without having been
/// notified enters the funnel at "applied".
/// </summary>
public sealed class FunnelEntry
{
    private FunnelEntry()
    {
    }

    public Guid WorkerId { get; private set; }

    public Guid PolicyId { get; private set; }

    /// <summary>The worker's household division when the entry was made; reports count by it.</summary>
    public string Division { get; private set; } = string.Empty;

    /// <summary>The policy version the worker was found eligible by; null when the worker applied unprompted.</summary>
    public int? NotifiedVersion { get; private set; }

    public DateTimeOffset? NotifiedAt { get; private set; }

    public DateTimeOffset? ViewedAt { get; private set; }

    public DateTimeOffset? AppliedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The outreach notification of a newly eligible worker.</summary>
    public static FunnelEntry Notified(Guid workerId, Guid policyId, string division, int policyVersion, DateTimeOffset now) => new()
    {
        WorkerId = workerId,
        PolicyId = policyId,
        Division = division,
        NotifiedVersion = policyVersion,
        NotifiedAt = now,
    };

    public static FunnelEntry Unprompted(Guid workerId, Guid policyId, string division) => new()
    {
        WorkerId = workerId,
        PolicyId = policyId,
        Division = division,
    };

    public void MarkViewed(DateTimeOffset now) => ViewedAt ??= now;

    public void MarkApplied(DateTimeOffset now)
    {
        ViewedAt ??= now;
        AppliedAt ??= now;
    }

    public void MarkApproved(DateTimeOffset now) => ApprovedAt ??= now;

    public void MarkPaid(DateTimeOffset now) => PaidAt ??= now;
}
