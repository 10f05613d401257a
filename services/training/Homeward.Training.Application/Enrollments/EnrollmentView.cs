using Homeward.Training.Domain.Enrollments;

namespace Homeward.Training.Application.Enrollments;

/// <param name="WaitlistPosition">1 for the next to get a seat, while waitlisted; null otherwise.</param>
public sealed record EnrollmentView(
    Guid Id,
    Guid SessionId,
    Guid WorkerId,
    string WorkerName,
    string WorkerDivision,
    EnrollmentStatus Status,
    long Arrival,
    int? WaitlistPosition,
    DateTimeOffset RequestedAt,
    DateTimeOffset? SeatedAt,
    DateOnly? EndedOn,
    int? TheoryScore,
    int? PracticalScore,
    bool? Passed,
    Guid? CertificateId,
    uint RowVersion)
{
    public static EnrollmentView From(Enrollment e, string workerName, int? waitlistPosition) => new(
        e.Id, e.SessionId, e.WorkerId, workerName, e.WorkerDivision, e.Status, e.Arrival, e.Status == EnrollmentStatus.Waitlisted ? waitlistPosition : null,
        e.RequestedAt, e.SeatedAt, e.EndedOn, e.TheoryScore, e.PracticalScore, e.Passed, e.CertificateId, e.RowVersion);
}
