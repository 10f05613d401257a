using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Catalog;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Sessions;

/// <summary>Plans a session of a published course in a division within the caller's; the provider is the course's.</summary>
public sealed record PlanSession(Guid? CourseId, string? Division, DateOnly? StartsOn, DateOnly? EndsOn, int? Capacity, IReadOnlyList<string>? Instructors)
    : ICommand<SessionView>;

public sealed class PlanSessionValidator : AbstractValidator<PlanSession>
{
    public PlanSessionValidator()
    {
        RuleFor(c => c.CourseId).NotNull().WithMessage("The course is required.");
        RuleFor(c => c.Division).NotEmpty().WithMessage("The division is required.")
            .Must(code => DivisionCode.TryParse(code, out _)).When(c => !string.IsNullOrEmpty(c.Division), ApplyConditionTo.CurrentValidator).WithMessage(DivisionFilter.Message);
        RuleFor(c => c.StartsOn).NotNull().WithMessage("The start date is required.");
        RuleFor(c => c.EndsOn).NotNull().WithMessage("The end date is required.")
            .GreaterThanOrEqualTo(c => c.StartsOn).When(c => c.StartsOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("A session ends on or after the day it starts.");
        RuleFor(c => c.Capacity).NotNull().WithMessage("The capacity is required.").InclusiveBetween(1, 1000).WithMessage("A session seats 1 to 1000 trainees.");
        RuleFor(c => c.Instructors).NotEmpty().WithMessage("A session names at least one instructor.")
            .Must(names => names!.Count <= 20 && names.All(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 50))
            .When(c => c.Instructors is { Count: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage("At most 20 instructors, each name of 1 to 50 characters.");
    }
}

public sealed class PlanSessionHandler(ITrainingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<PlanSession, SessionView>
{
    public async ValueTask<SessionView> Handle(PlanSession command, CancellationToken cancellationToken)
    {
        var division = DivisionCode.Parse(command.Division);
        currentUser.EnsureMayPlaceIn(division);
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CourseId, cancellationToken)
            ?? throw new NotFoundException("Course", command.CourseId!.Value);
        if (course.Status != CourseStatus.Published)
        {
            throw new DomainException("course-not-published", $"The course is {course.Status}; sessions teach published courses only.");
        }

        var now = clock.GetUtcNow();
        var session = TrainingSession.Plan(
            Guid.CreateVersion7(now), course.Id, course.ProviderId, course.TradeCode, course.Level, division.Value,
            command.StartsOn!.Value, command.EndsOn!.Value, command.Capacity!.Value, [.. command.Instructors!.Select(n => n.Trim())], now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return SessionView.From(session);
    }
}
