using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Application.Common;
using Homeward.Training.Application.Workers;
using Homeward.Training.Domain.Enrollments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// Enrolls a registered worker of the caller's division in an open session: a seat while one is left (TrainingEnrolled),
/// otherwise a place on the waitlist. A worker has one enrollment per session (409 already-enrolled).
/// </summary>
/// <remarks>
/// The session row is locked for the length of the transaction, so concurrent requests take their arrival number
/// and their seat one at a time: the seats never exceed the capacity, and the waitlist is in the order the requests
/// reached the lock.
/// </remarks>
public sealed record Enroll(Guid SessionId, Guid? WorkerId) : ICommand<EnrollmentView>;

public sealed class EnrollValidator : AbstractValidator<Enroll>
{
    public EnrollValidator() => RuleFor(c => c.WorkerId).NotNull().WithMessage("The worker is required.");
}

public sealed class EnrollHandler(ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, EnrollmentGate gate, TimeProvider clock) : ICommandHandler<Enroll, EnrollmentView>
{
    public async ValueTask<EnrollmentView> Handle(Enroll command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, command.WorkerId!.Value, cancellationToken);
        await EnsureNotEnrolledAsync(command.SessionId, worker.WorkerId, cancellationToken);
        Enrollment enrollment;
        try
        {
            // Only what must be serialised happens under the lock: take the arrival (and a seat), store it, commit.
            enrollment = await gate.RunAsync(
                () => db.InTransactionAsync(
                    async ct =>
                    {
                        var session = await db.LockSessionAsync(command.SessionId, ct) ?? throw new NotFoundException("Session", command.SessionId);
                        var arrived = SessionArrivals.Arrive(db, outbox, session, worker, clock.GetUtcNow());
                        await db.SaveChangesAsync(ct);
                        return arrived;
                    },
                    cancellationToken),
                cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // The same worker sent twice at once: the unique key stops the second.
            await EnsureNotEnrolledAsync(command.SessionId, worker.WorkerId, cancellationToken);
            throw;
        }

        var position = enrollment.Status == EnrollmentStatus.Waitlisted
            ? await db.Enrollments.CountAsync(
                e => e.SessionId == enrollment.SessionId && e.Status == EnrollmentStatus.Waitlisted && e.Arrival <= enrollment.Arrival, cancellationToken)
            : (int?)null;
        return EnrollmentView.From(enrollment, worker.Name, position);
    }

    private async Task EnsureNotEnrolledAsync(Guid sessionId, Guid workerId, CancellationToken cancellationToken)
    {
        var existing = await db.Enrollments.AsNoTracking()
            .Where(e => e.SessionId == sessionId && e.WorkerId == workerId)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } enrollmentId)
        {
            throw AlreadyEnrolled(enrollmentId);
        }
    }

    private static ConflictException AlreadyEnrolled(Guid enrollmentId) =>
        new("already-enrolled", "The worker already has an enrollment in this session.", TrainingPaths.Enrollment(enrollmentId));
}
