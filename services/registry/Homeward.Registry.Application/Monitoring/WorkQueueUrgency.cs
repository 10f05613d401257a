using Homeward.Registry.Domain.Monitoring;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>Why a worker is in an office's work queue.</summary>
public enum WorkQueueReason
{
    /// <summary>A source disagrees with the record; staff must accept or reject the observed value.</summary>
    OpenDiscrepancy = 0,

    /// <summary>The worker came home (return date known) and nobody has visited the household yet.</summary>
    NewReturnWithoutVisit = 1,

    /// <summary>Nobody has confirmed the record for longer than the stale threshold.</summary>
    StaleRecord = 2,
}

/// <summary>Something an office should attend to, before it is scored.</summary>
/// <param name="Since">When the need arose: the discrepancy was opened, the worker returned, the record was last confirmed.</param>
public sealed record WorkQueueCandidate(
    Guid WorkerId,
    string Name,
    string HouseholdDivision,
    WorkQueueReason Reason,
    DateTimeOffset Since,
    Guid? DiscrepancyId,
    ObservedField? Field);

public sealed record WorkQueueItem(
    Guid WorkerId,
    string Name,
    string HouseholdDivision,
    WorkQueueReason Reason,
    DateTimeOffset Since,
    int Urgency,
    Guid? DiscrepancyId,
    ObservedField? Field);

/// <summary>
/// The urgency of a work-queue item: a base weight for its reason plus a weight for every whole day it has waited.
/// <list type="bullet">
/// <item><b>Open discrepancy</b>: 30 + 3 per day open. A source says the record is wrong now, and matching, subsidies
/// and reports keep using the wrong fact until someone decides.</item>
/// <item><b>New return without a visit</b>: 20 + 2 per day since the return. The first weeks at home are when job offers,
/// training and start-up policies help most, and the worker has not been seen yet.</item>
/// <item><b>Stale record</b>: 10 + 1 per day beyond the stale threshold. Nothing is known to be wrong; the record is only
/// unconfirmed for long.</item>
/// </list>
/// So a discrepancy outranks a return of the same age, which outranks a record that just went stale, while anything
/// left waiting long enough rises above fresh work of a weightier kind. Ties go to what has waited longer. Every weight
/// per day is positive, so within one reason the oldest item is the most urgent: the database can take the oldest few
/// of each reason (an indexed ORDER BY … LIMIT) and only those few are scored here.
/// </summary>
public static class WorkQueueUrgency
{
    public const int DiscrepancyBase = 30;
    public const int DiscrepancyPerDay = 3;
    public const int NewReturnBase = 20;
    public const int NewReturnPerDay = 2;
    public const int StaleBase = 10;
    public const int StalePerDay = 1;

    public static int Score(WorkQueueReason reason, DateTimeOffset since, DateTimeOffset now, int staleAfterDays)
    {
        var days = Math.Max(0, (int)Math.Floor((now - since).TotalDays));
        return reason switch
        {
            WorkQueueReason.OpenDiscrepancy => DiscrepancyBase + (DiscrepancyPerDay * days),
            WorkQueueReason.NewReturnWithoutVisit => NewReturnBase + (NewReturnPerDay * days),
            WorkQueueReason.StaleRecord => StaleBase + (StalePerDay * Math.Max(0, days - staleAfterDays)),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown work-queue reason."),
        };
    }

    /// <summary>The <paramref name="limit"/> most urgent candidates, most urgent first.</summary>
    public static IReadOnlyList<WorkQueueItem> Rank(IEnumerable<WorkQueueCandidate> candidates, DateTimeOffset now, int staleAfterDays, int limit) =>
        candidates
            .Select(c => new WorkQueueItem(c.WorkerId, c.Name, c.HouseholdDivision, c.Reason, c.Since, Score(c.Reason, c.Since, now, staleAfterDays), c.DiscrepancyId, c.Field))
            .OrderByDescending(item => item.Urgency)
            .ThenBy(item => item.Since)
            .ThenBy(item => item.Reason)
            .ThenBy(item => item.WorkerId)
            .Take(limit)
            .ToList();
}
