using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Training;
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

public sealed class EnrollHandler(ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Enroll, EnrollmentView>
{
    public async ValueTask<EnrollmentView> Handle(Enroll command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, command.WorkerId!.Value, cancellationToken);
        try
        {
            return await db.InTransactionAsync(
                async ct =>
                {
                    var session = await db.LockSessionAsync(command.SessionId, ct) ?? throw new NotFoundException("Session", command.SessionId);
                    var existing = await db.Enrollments.AsNoTracking()
                        .FirstOrDefaultAsync(e => e.SessionId == session.Id && e.WorkerId == worker.WorkerId, ct);
                    if (existing is not null)
                    {
                        throw AlreadyEnrolled(existing.Id);
                    }

                    var now = clock.GetUtcNow();
                    var (arrival, seated) = session.Arrive();
                    var enrollment = Enrollment.Arrive(Guid.CreateVersion7(now), session.Id, worker.WorkerId, worker.HouseholdDivision, arrival, seated, now);
                    db.Enrollments.Add(enrollment);
                    if (seated)
                    {
                        outbox.Enqueue(new TrainingEnrolled(
                            Guid.CreateVersion7(now), now, enrollment.Id, worker.WorkerId, session.Id, session.TradeCode, session.StartsOn, session.EndsOn));
                    }

                    await db.SaveChangesAsync(ct);
                    var position = seated
                        ? (int?)null
                        : await db.Enrollments.CountAsync(e => e.SessionId == session.Id && e.Status == EnrollmentStatus.Waitlisted && e.Arrival <= arrival, ct);
                    return EnrollmentView.From(enrollment, worker.Name, position);
                },
                cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // The same worker sent twice at once: the session lock serialised them, and the unique key stops the second.
            var existing = await db.Enrollments.AsNoTracking()
                .FirstAsync(e => e.SessionId == command.SessionId && e.WorkerId == worker.WorkerId, cancellationToken);
            throw AlreadyEnrolled(existing.Id);
        }
    }

    private static ConflictException AlreadyEnrolled(Guid enrollmentId) =>
        new("already-enrolled", "The worker already has an enrollment in this session.", TrainingPaths.Enrollment(enrollmentId));
}
