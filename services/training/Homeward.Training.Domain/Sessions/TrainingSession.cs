using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;

namespace Homeward.Training.Domain.Sessions;

public enum SessionStatus
{
    /// <summary>Scheduled; not yet taking enrollments.</summary>
    Planned = 0,

    /// <summary>Taking enrollments (and a waitlist once full).</summary>
    Open = 1,

    /// <summary>Lessons are held; attendance is recorded.</summary>
    InProgress = 2,

    /// <summary>Finished: each trainee has completed or dropped by the completion rule.</summary>
    Completed = 3,

    Cancelled = 4,
}

/// <summary>
/// One run of a published course by a provider, in a division, between two dates, with a number of seats. It counts
/// its seats taken and numbers every enrollment request in order of arrival, so the waitlist is served first come,
/// first served. Status moves forward only: planned → open → in progress → completed, or cancelled before completion.
/// </summary>
public sealed class TrainingSession : IHasRowVersion
{
    private static readonly Dictionary<SessionStatus, SessionStatus[]> Allowed = new()
    {
        [SessionStatus.Planned] = [SessionStatus.Open, SessionStatus.Cancelled],
        [SessionStatus.Open] = [SessionStatus.InProgress, SessionStatus.Cancelled],
        [SessionStatus.InProgress] = [SessionStatus.Completed, SessionStatus.Cancelled],
        [SessionStatus.Completed] = [],
        [SessionStatus.Cancelled] = [],
    };

    private TrainingSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid CourseId { get; private set; }

    public Guid ProviderId { get; private set; }

    public string TradeCode { get; private set; } = string.Empty;

    public SkillLevel Level { get; private set; }

    /// <summary>12-digit code of where the session is held.</summary>
    public string Division { get; private set; } = string.Empty;

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int Capacity { get; private set; }

    public IReadOnlyList<string> Instructors { get; private set; } = [];

    public SessionStatus Status { get; private set; }

    /// <summary>Seats taken by enrolled trainees (those completed or dropped at the end keep theirs).</summary>
    public int EnrolledCount { get; private set; }

    /// <summary>How many enrollment requests have arrived; the next one gets this number plus one.</summary>
    public long Arrivals { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public int SeatsLeft => Capacity - EnrolledCount;

    public static TrainingSession Plan(
        Guid id, Guid courseId, Guid providerId, string tradeCode, SkillLevel level, string division, DateOnly startsOn, DateOnly endsOn, int capacity, IReadOnlyList<string> instructors, DateTimeOffset now)
    {
        if (endsOn < startsOn)
        {
            throw new DomainException("session-dates-invalid", "A session ends on or after the day it starts.");
        }

        return new TrainingSession
        {
            Id = id,
            CourseId = courseId,
            ProviderId = providerId,
            TradeCode = tradeCode,
            Level = level,
            Division = division,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Capacity = capacity,
            Instructors = instructors,
            Status = SessionStatus.Planned,
            CreatedAt = now,
        };
    }

    public static bool MayMove(SessionStatus from, SessionStatus to) => Allowed[from].Contains(to);

    public void MoveTo(SessionStatus status)
    {
        if (!MayMove(Status, status))
        {
            throw new DomainException(
                "session-transition-not-allowed",
                $"A session that is {Status} cannot become {status}; allowed: {(Allowed[Status].Length == 0 ? "none" : string.Join(", ", Allowed[Status]))}.");
        }

        Status = status;
    }

    /// <summary>Takes the next arrival number; a seat comes with it while one is left.</summary>
    public (long Arrival, bool Seated) Arrive()
    {
        if (Status != SessionStatus.Open)
        {
            throw new DomainException("session-not-open", $"The session is {Status}; it takes enrollments only while open.");
        }

        Arrivals++;
        if (EnrolledCount < Capacity)
        {
            EnrolledCount++;
            return (Arrivals, true);
        }

        return (Arrivals, false);
    }

    public void ReleaseSeat() => EnrolledCount--;

    public void TakeSeat() => EnrolledCount++;
}
