using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// Records a trainee's assessment (theory and practical scores, 0–100; If-Match). Both at or above the pass mark is a
/// pass. A trainee who has already completed the session and passes is certified at once; one still in training is
/// certified when the session completes.
/// </summary>
public sealed record RecordAssessment(Guid EnrollmentId, uint ExpectedVersion, int? TheoryScore, int? PracticalScore) : ICommand<EnrollmentView>;

public sealed class RecordAssessmentValidator : AbstractValidator<RecordAssessment>
{
    public RecordAssessmentValidator()
    {
        RuleFor(c => c.TheoryScore).IsScore("theory");
        RuleFor(c => c.PracticalScore).IsScore("practical");
    }
}

public sealed class RecordAssessmentHandler(
    ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, IOptions<TrainingOptions> options, TimeProvider clock)
    : ICommandHandler<RecordAssessment, EnrollmentView>
{
    public async ValueTask<EnrollmentView> Handle(RecordAssessment command, CancellationToken cancellationToken)
    {
        var enrollment = await db.Enrollments
            .WithinDivisionOf(currentUser, e => e.WorkerDivision)
            .FirstOrDefaultAsync(e => e.Id == command.EnrollmentId, cancellationToken)
            ?? throw new NotFoundException("Enrollment", command.EnrollmentId);
        if (enrollment.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Enrollment", command.EnrollmentId);
        }

        db.ExpectRowVersion(enrollment, command.ExpectedVersion);
        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == enrollment.SessionId, cancellationToken);
        Assessments.Record(db, outbox, options.Value, clock, enrollment, session, command.TheoryScore!.Value, command.PracticalScore!.Value);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Workers.Where(w => w.WorkerId == enrollment.WorkerId).Select(w => w.Name).FirstAsync(cancellationToken);
        return EnrollmentView.From(enrollment, name, null);
    }
}
