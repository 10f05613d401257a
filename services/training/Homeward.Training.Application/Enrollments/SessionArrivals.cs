using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.Training;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;
using Homeward.Training.Domain.Workers;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// A worker's request arriving in a session whose row the caller has locked: the next arrival number, a seat while one
/// is left (announced as TrainingEnrolled), otherwise the waitlist. One enrollment and a batch of them arrive the same way.
/// </summary>
internal static class SessionArrivals
{
    public static Enrollment Arrive(ITrainingDbContext db, IOutbox outbox, TrainingSession session, Worker worker, DateTimeOffset now)
    {
        var (arrival, seated) = session.Arrive();
        var enrollment = Enrollment.Arrive(Guid.CreateVersion7(now), session.Id, worker.WorkerId, worker.HouseholdDivision, arrival, seated, now);
        db.Enrollments.Add(enrollment);
        if (seated)
        {
            outbox.Enqueue(new TrainingEnrolled(
                Guid.CreateVersion7(now), now, enrollment.Id, worker.WorkerId, session.Id, session.TradeCode, session.StartsOn, session.EndsOn));
        }

        return enrollment;
    }
}
