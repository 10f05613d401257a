using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Enrollments;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Enrollments;

/// <param name="WorkerId">A worker enrolled in the session.</param>
/// <param name="TheoryScore">0 to 100.</param>
/// <param name="PracticalScore">0 to 100.</param>
public sealed record SessionScore(Guid? WorkerId, int? TheoryScore, int? PracticalScore);

/// <summary>
/// Records a session's score sheet, up to <see cref="MaxScores"/> trainees, in one transaction, by the same rules as one
/// assessment (pass mark, immediate certificate for a completed trainee who passes). A sheet records first results:
/// a trainee already assessed with other scores is refused (already-assessed, 409) and corrected through the single
/// assessment with its If-Match; one already assessed with the same scores is unchanged, so sending the same sheet
/// twice changes nothing. Each trainee is refused on their own without stopping the others.
/// </summary>
/// <remarks>
/// The session's row is locked for the sheet, so it never interleaves with the session's completion; a single
/// assessment of one of its trainees committed meanwhile makes the save fail on that enrollment's row version (412),
/// after which the sheet is sent again.
/// </remarks>
public sealed record RecordSessionAssessments(Guid SessionId, IReadOnlyList<SessionScore?>? Scores) : ICommand<AssessmentBatchReport>
{
    public const int MaxScores = 500;
}

public enum AssessmentBatchResult
{
    Recorded = 0,
    Unchanged = 1,
    Rejected = 2,
}

/// <param name="Index">The score's position in the sheet, from 0.</param>
/// <param name="Enrollment">The trainee's enrollment with the scores; null when rejected.</param>
/// <param name="Problem">Why the score was refused; null otherwise.</param>
public sealed record AssessmentBatchItem(int Index, Guid WorkerId, AssessmentBatchResult Result, EnrollmentView? Enrollment, BatchItemProblem? Problem);

public sealed record AssessmentBatchReport(int Recorded, int Unchanged, int Rejected, IReadOnlyList<AssessmentBatchItem> Items);

public sealed class RecordSessionAssessmentsValidator : AbstractValidator<RecordSessionAssessments>
{
    public RecordSessionAssessmentsValidator()
    {
        RuleFor(c => c.Scores).NotNull().WithMessage("The scores are required.");
        When(c => c.Scores is not null, () =>
        {
            RuleFor(c => c.Scores!.Count).InclusiveBetween(1, RecordSessionAssessments.MaxScores).OverridePropertyName(nameof(RecordSessionAssessments.Scores))
                .WithMessage($"A sheet holds 1 to {RecordSessionAssessments.MaxScores} scores.");
            RuleForEach(c => c.Scores).NotNull().WithMessage("A score cannot be null.").ChildRules(score =>
            {
                score.RuleFor(s => s!.WorkerId).NotNull().WithMessage("The worker is required.");
                score.RuleFor(s => s!.TheoryScore).IsScore("theory");
                score.RuleFor(s => s!.PracticalScore).IsScore("practical");
            });
            RuleFor(c => c.Scores).Custom((scores, context) =>
            {
                var first = new Dictionary<Guid, int>();
                for (var index = 0; index < scores!.Count; index++)
                {
                    if (scores[index]?.WorkerId is { } id && !first.TryAdd(id, index))
                    {
                        context.AddFailure($"{nameof(RecordSessionAssessments.Scores)}[{index}].{nameof(SessionScore.WorkerId)}", $"The worker is already on this sheet at index {first[id]}.");
                    }
                }
            });
        });
    }
}

public sealed class RecordSessionAssessmentsHandler(
    ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, IOptions<TrainingOptions> options, TimeProvider clock)
    : ICommandHandler<RecordSessionAssessments, AssessmentBatchReport>
{
    public async ValueTask<AssessmentBatchReport> Handle(RecordSessionAssessments command, CancellationToken cancellationToken)
    {
        var scores = command.Scores!.Select(s => (WorkerId: s!.WorkerId!.Value, Theory: s.TheoryScore!.Value, Practical: s.PracticalScore!.Value)).ToList();
        var workerIds = scores.Select(s => s.WorkerId).ToList();
        var names = await db.Workers.AsNoTracking()
            .Where(w => workerIds.Contains(w.WorkerId))
            .ToDictionaryAsync(w => w.WorkerId, w => w.Name, cancellationToken);
        return await db.InTransactionAsync(
            async ct =>
            {
                var session = await db.LockSessionAsync(command.SessionId, ct) ?? throw new NotFoundException("Session", command.SessionId);
                var enrollments = await db.Enrollments
                    .WithinDivisionOf(currentUser, e => e.WorkerDivision)
                    .Where(e => e.SessionId == session.Id && workerIds.Contains(e.WorkerId))
                    .ToDictionaryAsync(e => e.WorkerId, ct);
                var outcomes = new List<(AssessmentBatchResult Result, Enrollment? Enrollment, BatchItemProblem? Problem)>(scores.Count);
                foreach (var (workerId, theory, practical) in scores)
                {
                    if (!enrollments.TryGetValue(workerId, out var enrollment))
                    {
                        outcomes.Add((AssessmentBatchResult.Rejected, null, BatchItemProblem.NotFound(
                            "not-enrolled", $"Worker {workerId} has no enrollment in this session that your division sees.")));
                    }
                    else if (enrollment.TheoryScore is not null)
                    {
                        outcomes.Add(enrollment.TheoryScore == theory && enrollment.PracticalScore == practical
                            ? (AssessmentBatchResult.Unchanged, enrollment, null)
                            : (AssessmentBatchResult.Rejected, null, BatchItemProblem.Conflict(
                                "already-assessed", "The trainee is already assessed with other scores; correct them through the enrollment's assessment with its If-Match.")));
                    }
                    else
                    {
                        try
                        {
                            Assessments.Record(db, outbox, options.Value, clock, enrollment, session, theory, practical);
                            outcomes.Add((AssessmentBatchResult.Recorded, enrollment, null));
                        }
                        catch (DomainException refused)
                        {
                            outcomes.Add((AssessmentBatchResult.Rejected, null, BatchItemProblem.BreaksRule(refused.Code, refused.Message)));
                        }
                    }
                }

                await db.SaveChangesAsync(ct);
                var items = outcomes.Select((outcome, index) => new AssessmentBatchItem(
                    index,
                    workerIds[index],
                    outcome.Result,
                    outcome.Enrollment is { } enrollment ? EnrollmentView.From(enrollment, names[enrollment.WorkerId], null) : null,
                    outcome.Problem)).ToList();
                return new AssessmentBatchReport(
                    items.Count(i => i.Result == AssessmentBatchResult.Recorded),
                    items.Count(i => i.Result == AssessmentBatchResult.Unchanged),
                    items.Count(i => i.Result == AssessmentBatchResult.Rejected),
                    items);
            },
            cancellationToken);
    }
}
