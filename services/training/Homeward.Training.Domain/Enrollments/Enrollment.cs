using Homeward.SharedKernel;

namespace Homeward.Training.Domain.Enrollments;

public enum EnrollmentStatus
{
    Waitlisted = 0,
    Enrolled = 1,
    Withdrawn = 2,
    Completed = 3,
    Dropped = 4,
}

/// <summary>
/// A worker's place in a session: seated or on the waitlist (ordered by arrival), then withdrawn, completed or dropped.
/// The assessment result (theory and practical scores) is kept on it; passing both marks earns the certificate.
/// </summary>
public sealed class Enrollment : IHasRowVersion
{
    private Enrollment()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The worker's household village when enrolled: the division that sees this record.</summary>
    public string WorkerDivision { get; private set; } = string.Empty;

    public EnrollmentStatus Status { get; private set; }

    /// <summary>Order of arrival in the session; the waitlist moves up in this order.</summary>
    public long Arrival { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? SeatedAt { get; private set; }

    /// <summary>Day of withdrawal, completion or drop.</summary>
    public DateOnly? EndedOn { get; private set; }

    public int? TheoryScore { get; private set; }

    public int? PracticalScore { get; private set; }

    public bool? Passed { get; private set; }

    public Guid? CertificateId { get; private set; }

    public uint RowVersion { get; private set; }

    public bool HoldsSeat => Status == EnrollmentStatus.Enrolled;

    public static Enrollment Arrive(Guid id, Guid sessionId, Guid workerId, string workerDivision, long arrival, bool seated, DateTimeOffset now) => new()
    {
        Id = id,
        SessionId = sessionId,
        WorkerId = workerId,
        WorkerDivision = workerDivision,
        Arrival = arrival,
        Status = seated ? EnrollmentStatus.Enrolled : EnrollmentStatus.Waitlisted,
        RequestedAt = now,
        SeatedAt = seated ? now : null,
    };

    public void Seat(DateTimeOffset now)
    {
        Status = EnrollmentStatus.Enrolled;
        SeatedAt = now;
    }

    public void Withdraw(DateOnly today)
    {
        if (Status is not (EnrollmentStatus.Enrolled or EnrollmentStatus.Waitlisted))
        {
            throw new DomainException("enrollment-ended", $"The enrollment is already {Status}.");
        }

        Status = EnrollmentStatus.Withdrawn;
        EndedOn = today;
    }

    public void RecordAssessment(int theoryScore, int practicalScore, int passMark)
    {
        if (Status is not (EnrollmentStatus.Enrolled or EnrollmentStatus.Completed))
        {
            throw new DomainException("enrollment-not-assessable", $"Only an enrolled or completed trainee is assessed; this enrollment is {Status}.");
        }

        if (CertificateId is not null)
        {
            throw new DomainException("already-certified", "The trainee already holds the certificate of this session.");
        }

        TheoryScore = theoryScore;
        PracticalScore = practicalScore;
        Passed = theoryScore >= passMark && practicalScore >= passMark;
    }

    public void Complete(DateOnly day)
    {
        Status = EnrollmentStatus.Completed;
        EndedOn = day;
    }

    public void Drop(DateOnly day)
    {
        Status = EnrollmentStatus.Dropped;
        EndedOn = day;
    }

    /// <summary>Waitlisted requests of a session that will not run or has ended are closed without a seat.</summary>
    public void CloseWaitlisted(DateOnly day)
    {
        Status = EnrollmentStatus.Withdrawn;
        EndedOn = day;
    }

    public bool MayBeCertified => Status == EnrollmentStatus.Completed && Passed == true && CertificateId is null;

    public void Certify(Guid certificateId) => CertificateId = certificateId;
}
