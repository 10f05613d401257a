using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Training;
using Homeward.SharedKernel;
using Homeward.Training.Application.Certificates;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Certificates;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Sessions;

/// <summary>
/// Moves a session of the caller's division to its next status (If-Match). Completing it applies the completion rule
/// to every seated trainee: completed (TrainingCompleted, and a certificate with CertificateIssued for those who
/// passed the assessment) or dropped (TrainingDropped). Cancelling drops every seated trainee. Either closes the waitlist.
/// </summary>
public sealed record ChangeSessionStatus(Guid SessionId, uint ExpectedVersion, SessionStatus? Status) : ICommand<SessionView>;

public sealed class ChangeSessionStatusValidator : AbstractValidator<ChangeSessionStatus>
{
    public ChangeSessionStatusValidator() =>
        RuleFor(c => c.Status).NotNull().WithMessage("The status is open, inProgress, completed or cancelled.").IsInEnum();
}

public sealed class ChangeSessionStatusHandler(
    ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, IOptions<TrainingOptions> options, TimeProvider clock)
    : ICommandHandler<ChangeSessionStatus, SessionView>
{
    public async ValueTask<SessionView> Handle(ChangeSessionStatus command, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(
            async ct =>
            {
                var session = await db.LockSessionAsync(command.SessionId, ct);
                if (session is null || !currentUser.Covers(session.Division))
                {
                    throw new NotFoundException("Session", command.SessionId);
                }

                if (session.RowVersion != command.ExpectedVersion)
                {
                    throw new PreconditionFailedException("Session", command.SessionId);
                }

                session.MoveTo(command.Status!.Value);
                if (session.Status is SessionStatus.Completed or SessionStatus.Cancelled)
                {
                    await CloseAsync(session, ct);
                }

                await db.SaveChangesAsync(ct);
                return SessionView.From(session);
            },
            cancellationToken);

    private async Task CloseAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var enrollments = await db.Enrollments
            .Where(e => e.SessionId == session.Id && (e.Status == EnrollmentStatus.Enrolled || e.Status == EnrollmentStatus.Waitlisted))
            .OrderBy(e => e.Arrival)
            .ToListAsync(cancellationToken);
        var tallies = session.Status == SessionStatus.Completed
            ? await AttendanceTallies.OfSessionAsync(db, session.Id, cancellationToken)
            : [];
        var rule = options.Value.CompletionRule;
        foreach (var enrollment in enrollments)
        {
            if (enrollment.Status == EnrollmentStatus.Waitlisted)
            {
                enrollment.CloseWaitlisted(today);
            }
            else if (session.Status == SessionStatus.Completed && rule.IsMetBy(tallies[enrollment.Id]))
            {
                enrollment.Complete(today);
                outbox.Enqueue(new TrainingCompleted(Guid.CreateVersion7(now), now, enrollment.Id, enrollment.WorkerId, session.Id, session.TradeCode, today));
                if (enrollment.MayBeCertified)
                {
                    var certificate = CertificateIssuance.Issue(
                        db, outbox, options.Value, enrollment.WorkerId, enrollment.WorkerDivision, session.TradeCode, session.Level, CertificateRoute.Course, enrollment.Id, today, now);
                    enrollment.Certify(certificate.Id);
                }
            }
            else
            {
                enrollment.Drop(today);
                outbox.Enqueue(new TrainingDropped(Guid.CreateVersion7(now), now, enrollment.Id, enrollment.WorkerId, session.Id, today));
            }
        }
    }
}
