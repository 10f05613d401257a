using Homeward.SharedKernel;

namespace Homeward.JobMatching.Domain.Recommendations;

/// <summary>How the vacancy reached the worker.</summary>
public enum RecommendationChannel
{
    Staff = 0,
    System = 1,
    JobFair = 2,
    App = 3,
}

/// <summary>What came of a recommendation: the worker applied and was interviewed on the way; hired, declined and rejected end it.</summary>
public enum RecommendationOutcome
{
    Applied = 0,
    Interviewed = 1,
    Hired = 2,
    Declined = 3,
    Rejected = 4,
}

/// <param name="At">When it happened in the world.</param>
public sealed record OutcomeEntry(RecommendationOutcome Outcome, DateTimeOffset At, string RecordedBy, string? Note);

/// <summary>
/// Vacancy V was recommended to worker W, by whom, when and through which channel. While it is open, no second
/// recommendation of the same vacancy to the same worker is recorded. Its outcomes only move forward (applied,
/// interviewed) until one ends it (hired, declined, rejected).
/// </summary>
public sealed class Recommendation : IHasRowVersion
{
    private Recommendation()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public Guid VacancyId { get; private set; }

    /// <summary>The worker's household village when recommended: who may see the recommendation, and where KPIs count it.</summary>
    public string WorkerDivision { get; private set; } = string.Empty;

    public RecommendationChannel Channel { get; private set; }

    public string RecommendedBy { get; private set; } = string.Empty;

    public DateTimeOffset RecommendedAt { get; private set; }

    public string? Note { get; private set; }

    public bool IsOpen { get; private set; }

    /// <summary>The latest outcome, or null while nothing came of it yet.</summary>
    public RecommendationOutcome? Outcome { get; private set; }

    public DateTimeOffset? OutcomeAt { get; private set; }

    public IReadOnlyList<OutcomeEntry> Outcomes { get; private set; } = [];

    public uint RowVersion { get; private set; }

    public static bool Ends(RecommendationOutcome outcome) => outcome >= RecommendationOutcome.Hired;

    public static Recommendation Record(
        Guid id, Guid workerId, string workerDivision, Guid vacancyId, RecommendationChannel channel, string recommendedBy, string? note, DateTimeOffset now) => new()
        {
            Id = id,
            WorkerId = workerId,
            WorkerDivision = workerDivision,
            VacancyId = vacancyId,
            Channel = channel,
            RecommendedBy = recommendedBy,
            RecommendedAt = now,
            Note = note,
            IsOpen = true,
        };

    /// <summary>Refuses anything more coming of a recommendation that ended (recommendation-closed), without changing it.</summary>
    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("recommendation-closed", $"The recommendation already ended ({Outcome.ToString()!.ToLowerInvariant()}); nothing more can come of it.");
        }
    }

    public void RecordOutcome(RecommendationOutcome outcome, DateTimeOffset at, string recordedBy, string? note, DateTimeOffset now)
    {
        EnsureOpen();
        if (at < RecommendedAt || at > now)
        {
            throw new DomainException("outcome-time-invalid", "An outcome happens after the recommendation and not in the future.");
        }

        if (Outcome is { } previous && (outcome < previous || (outcome == previous && !Ends(outcome))))
        {
            throw new DomainException(
                "outcome-not-allowed",
                $"After {previous.ToString().ToLowerInvariant()} a recommendation moves on to a later outcome, not to {outcome.ToString().ToLowerInvariant()}.");
        }

        Outcome = outcome;
        OutcomeAt = at;
        Outcomes = [.. Outcomes, new OutcomeEntry(outcome, at, recordedBy, note)];
        IsOpen = !Ends(outcome);
    }
}
