using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Training;
using Homeward.SharedKernel;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// Withdraws a worker of the caller's division from a session (If-Match). A seated trainee who withdraws drops out
/// (TrainingDropped) and the first on the waitlist takes the seat (TrainingEnrolled), under the session's lock.
/// </summary>
public sealed record Withdraw(Guid EnrollmentId, uint ExpectedVersion) : ICommand<EnrollmentView>;

public sealed class WithdrawHandler(ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Withdraw, EnrollmentView>
{
    public async ValueTask<EnrollmentView> Handle(Withdraw command, CancellationToken cancellationToken)
    {
        var sessionId = await db.Enrollments.AsNoTracking()
            .WithinDivisionOf(currentUser, e => e.WorkerDivision)
            .Where(e => e.Id == command.EnrollmentId)
            .Select(e => (Guid?)e.SessionId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Enrollment", command.EnrollmentId);
        return await db.InTransactionAsync(
            async ct =>
            {
                var session = await db.LockSessionAsync(sessionId, ct) ?? throw new NotFoundException("Enrollment", command.EnrollmentId);
                var enrollment = await db.Enrollments.FirstAsync(e => e.Id == command.EnrollmentId, ct);
                if (enrollment.RowVersion != command.ExpectedVersion)
                {
                    throw new PreconditionFailedException("Enrollment", command.EnrollmentId);
                }

                var now = clock.GetUtcNow();
                var today = clock.Today();
                var heldSeat = enrollment.HoldsSeat;
                enrollment.Withdraw(today);
                if (heldSeat)
                {
                    session.ReleaseSeat();
                    outbox.Enqueue(new TrainingDropped(Guid.CreateVersion7(now), now, enrollment.Id, enrollment.WorkerId, session.Id, today));
                    await MoveWaitlistUpAsync(session, now, ct);
                }

                await db.SaveChangesAsync(ct);
                var name = await db.Workers.Where(w => w.WorkerId == enrollment.WorkerId).Select(w => w.Name).FirstAsync(ct);
                return EnrollmentView.From(enrollment, name, null);
            },
            cancellationToken);
    }

    private async Task MoveWaitlistUpAsync(TrainingSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Seats free up for the waitlist while the session has not started; once in progress, a late arrival could not complete.
        if (session.Status != SessionStatus.Open)
        {
            return;
        }

        var next = await db.Enrollments
            .Where(e => e.SessionId == session.Id && e.Status == EnrollmentStatus.Waitlisted)
            .OrderBy(e => e.Arrival)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return;
        }

        next.Seat(now);
        session.TakeSeat();
        outbox.Enqueue(new TrainingEnrolled(Guid.CreateVersion7(now), now, next.Id, next.WorkerId, session.Id, session.TradeCode, session.StartsOn, session.EndsOn));
    }
}
