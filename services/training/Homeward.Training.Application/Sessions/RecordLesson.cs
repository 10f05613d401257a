using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Sessions;

/// <summary>
/// Records a lesson held in a session in progress, of the caller's division, with who of the seated trainees was
/// present; every other seated trainee is recorded absent.
/// </summary>
public sealed record RecordLesson(Guid SessionId, DateOnly? HeldOn, LessonKind? Kind, decimal? Hours, string? Topic, IReadOnlyList<Guid>? PresentWorkerIds)
    : ICommand<LessonView>;

public sealed class RecordLessonValidator : AbstractValidator<RecordLesson>
{
    public RecordLessonValidator()
    {
        RuleFor(c => c.HeldOn).NotNull().WithMessage("The day the lesson was held is required.");
        RuleFor(c => c.Kind).NotNull().WithMessage("The kind is theory or practical.").IsInEnum();
        RuleFor(c => c.Hours).NotNull().WithMessage("The hours are required.")
            .Must(hours => hours is > 0m and <= 12m && decimal.Round(hours.Value, 1) == hours.Value).When(c => c.Hours is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("A lesson lasts more than 0 and at most 12 hours, in tenths of an hour.");
        RuleFor(c => c.Topic).NotEmpty().WithMessage("The topic is required.").MaximumLength(200).WithMessage("A topic has at most 200 characters.");
        RuleFor(c => c.PresentWorkerIds).NotNull().WithMessage("List the workers present (an empty list when no one came).");
    }
}

public sealed class RecordLessonHandler(ITrainingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RecordLesson, LessonView>
{
    public async ValueTask<LessonView> Handle(RecordLesson command, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session is null || !currentUser.Covers(session.Division))
        {
            throw new NotFoundException("Session", command.SessionId);
        }

        if (session.Status != SessionStatus.InProgress)
        {
            throw new DomainException("session-not-in-progress", $"The session is {session.Status}; lessons are recorded while it is in progress.");
        }

        if (command.HeldOn < session.StartsOn || command.HeldOn > session.EndsOn)
        {
            throw new RequestValidationException("heldOn", $"The lesson is held between {session.StartsOn:yyyy-MM-dd} and {session.EndsOn:yyyy-MM-dd}.");
        }

        var seated = await db.Enrollments.AsNoTracking()
            .Where(e => e.SessionId == session.Id && e.Status == EnrollmentStatus.Enrolled)
            .Select(e => new { e.Id, e.WorkerId })
            .ToListAsync(cancellationToken);
        var present = command.PresentWorkerIds!.ToHashSet();
        var strangers = present.Except(seated.Select(e => e.WorkerId)).ToList();
        if (strangers.Count > 0)
        {
            throw new RequestValidationException("presentWorkerIds", $"Not seated in this session: {string.Join(", ", strangers)}.");
        }

        var now = clock.GetUtcNow();
        var lesson = Lesson.Held(Guid.CreateVersion7(now), session.Id, command.HeldOn!.Value, command.Kind!.Value, command.Hours!.Value, command.Topic!.Trim(), now);
        db.Lessons.Add(lesson);
        db.Attendances.AddRange(seated.Select(e => Attendance.Of(lesson.Id, e.Id, present.Contains(e.WorkerId))));
        await db.SaveChangesAsync(cancellationToken);
        return new LessonView(lesson.Id, lesson.SessionId, lesson.HeldOn, lesson.Kind, lesson.Hours, lesson.Topic, present.Count, seated.Count - present.Count);
    }
}

public sealed record ListLessons(Guid SessionId) : IQuery<IReadOnlyList<LessonView>>;

public sealed class ListLessonsHandler(ITrainingDbContext db) : IQueryHandler<ListLessons, IReadOnlyList<LessonView>>
{
    public async ValueTask<IReadOnlyList<LessonView>> Handle(ListLessons query, CancellationToken cancellationToken)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == query.SessionId, cancellationToken))
        {
            throw new NotFoundException("Session", query.SessionId);
        }

        return await db.Lessons.AsNoTracking()
            .Where(l => l.SessionId == query.SessionId)
            .OrderBy(l => l.HeldOn).ThenBy(l => l.Id)
            .Select(l => new LessonView(
                l.Id, l.SessionId, l.HeldOn, l.Kind, l.Hours, l.Topic,
                db.Attendances.Count(a => a.LessonId == l.Id && a.Present),
                db.Attendances.Count(a => a.LessonId == l.Id && !a.Present)))
            .ToListAsync(cancellationToken);
    }
}
