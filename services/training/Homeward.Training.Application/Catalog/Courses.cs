using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Catalog;

public sealed record CourseView(
    Guid Id,
    Guid ProviderId,
    string TradeCode,
    SkillLevel Level,
    string Title,
    int TheoryHours,
    int PracticalHours,
    decimal PracticalShare,
    IReadOnlyList<string> Syllabus,
    CourseStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    uint RowVersion)
{
    public static CourseView From(Course c) => new(
        c.Id, c.ProviderId, c.TradeCode, c.Level, c.Title, c.TheoryHours, c.PracticalHours, c.PracticalShare, c.Syllabus, c.Status, c.CreatedAt, c.PublishedAt, c.RowVersion);
}

/// <summary>What a course says: the same fields for a new draft and a change of one.</summary>
public interface ICourseContent
{
    string? TradeCode { get; }

    SkillLevel? Level { get; }

    string? Title { get; }

    int? TheoryHours { get; }

    int? PracticalHours { get; }

    IReadOnlyList<string>? Syllabus { get; }
}

internal static class CourseContentRules
{
    public static void AddCourseContentRules<T>(this AbstractValidator<T> validator)
        where T : ICourseContent
    {
        validator.RuleFor(c => c.TradeCode).NotEmpty().WithMessage("The trade is required.")
            .Must(code => TradeCatalog.Current.Find(code!) is { RetiredOn: null }).When(c => !string.IsNullOrEmpty(c.TradeCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("The trade is an active code of the trade reference data, e.g. welder.");
        validator.RuleFor(c => c.Level).NotNull().WithMessage("The certificate level is junior, intermediate, senior or technician.")
            .Must(level => level is not SkillLevel.None).WithMessage("A course leads to a certificate level: junior, intermediate, senior or technician.")
            .IsInEnum();
        validator.RuleFor(c => c.Title).NotEmpty().WithMessage("The title is required.").MaximumLength(200).WithMessage("A title has at most 200 characters.");
        validator.RuleFor(c => c.TheoryHours).NotNull().WithMessage("The theory hours are required.")
            .InclusiveBetween(0, 2000).WithMessage("Theory hours are between 0 and 2000.");
        validator.RuleFor(c => c.PracticalHours).NotNull().WithMessage("The practical hours are required.")
            .InclusiveBetween(0, 2000).WithMessage("Practical hours are between 0 and 2000.");
        validator.RuleFor(c => c).Must(c => c.TheoryHours + c.PracticalHours > 0).When(c => c.TheoryHours is not null && c.PracticalHours is not null, ApplyConditionTo.CurrentValidator)
            .OverridePropertyName("practicalHours").WithMessage("A course lasts at least one hour.");
        validator.RuleFor(c => c.Syllabus).NotEmpty().WithMessage("The syllabus lists at least one topic.")
            .Must(topics => topics!.Count <= 100 && topics.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 200))
            .When(c => c.Syllabus is { Count: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage("The syllabus has at most 100 topics, each of 1 to 200 characters.");
    }

    public static IReadOnlyList<string> SyllabusOf(ICourseContent content) => [.. content.Syllabus!.Select(t => t.Trim())];
}

/// <summary>Drafts a course of a provider. A draft is not yet taught; publishing checks the practical share.</summary>
public sealed record DraftCourse(
    Guid? ProviderId, string? TradeCode, SkillLevel? Level, string? Title, int? TheoryHours, int? PracticalHours, IReadOnlyList<string>? Syllabus)
    : ICommand<CourseView>, ICourseContent;

public sealed class DraftCourseValidator : AbstractValidator<DraftCourse>
{
    public DraftCourseValidator()
    {
        RuleFor(c => c.ProviderId).NotNull().WithMessage("The provider is required.");
        this.AddCourseContentRules();
    }
}

public sealed class DraftCourseHandler(ITrainingDbContext db, TimeProvider clock) : ICommandHandler<DraftCourse, CourseView>
{
    public async ValueTask<CourseView> Handle(DraftCourse command, CancellationToken cancellationToken)
    {
        var providerId = command.ProviderId!.Value;
        if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            throw new NotFoundException("Provider", providerId);
        }

        var now = clock.GetUtcNow();
        var course = Course.Draft(
            Guid.CreateVersion7(now), providerId, command.TradeCode!, command.Level!.Value, command.Title!.Trim(),
            command.TheoryHours!.Value, command.PracticalHours!.Value, CourseContentRules.SyllabusOf(command), now);
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return CourseView.From(course);
    }
}

/// <summary>Replaces the content of a draft course (If-Match).</summary>
public sealed record ChangeCourse(
    Guid CourseId, uint ExpectedVersion, string? TradeCode, SkillLevel? Level, string? Title, int? TheoryHours, int? PracticalHours, IReadOnlyList<string>? Syllabus)
    : ICommand<CourseView>, ICourseContent;

public sealed class ChangeCourseValidator : AbstractValidator<ChangeCourse>
{
    public ChangeCourseValidator() => this.AddCourseContentRules();
}

public sealed class ChangeCourseHandler(ITrainingDbContext db) : ICommandHandler<ChangeCourse, CourseView>
{
    public async ValueTask<CourseView> Handle(ChangeCourse command, CancellationToken cancellationToken)
    {
        var course = await CourseUpdates.FindForUpdateAsync(db, command.CourseId, command.ExpectedVersion, cancellationToken);
        course.Change(command.TradeCode!, command.Level!.Value, command.Title!.Trim(), command.TheoryHours!.Value, command.PracticalHours!.Value, CourseContentRules.SyllabusOf(command));
        await db.SaveChangesAsync(cancellationToken);
        return CourseView.From(course);
    }
}

/// <summary>Publishes a draft course (If-Match): refused (422 practical-share-too-low) below the configured practical share.</summary>
public sealed record PublishCourse(Guid CourseId, uint ExpectedVersion) : ICommand<CourseView>;

public sealed class PublishCourseHandler(ITrainingDbContext db, IOptions<TrainingOptions> options, TimeProvider clock) : ICommandHandler<PublishCourse, CourseView>
{
    public async ValueTask<CourseView> Handle(PublishCourse command, CancellationToken cancellationToken)
    {
        var course = await CourseUpdates.FindForUpdateAsync(db, command.CourseId, command.ExpectedVersion, cancellationToken);
        course.Publish(options.Value.MinimumPracticalShare, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CourseView.From(course);
    }
}

/// <summary>Retires a published course (If-Match): no new session teaches it; sessions already planned run.</summary>
public sealed record RetireCourse(Guid CourseId, uint ExpectedVersion) : ICommand<CourseView>;

public sealed class RetireCourseHandler(ITrainingDbContext db) : ICommandHandler<RetireCourse, CourseView>
{
    public async ValueTask<CourseView> Handle(RetireCourse command, CancellationToken cancellationToken)
    {
        var course = await CourseUpdates.FindForUpdateAsync(db, command.CourseId, command.ExpectedVersion, cancellationToken);
        course.Retire();
        await db.SaveChangesAsync(cancellationToken);
        return CourseView.From(course);
    }
}

internal static class CourseUpdates
{
    public static async Task<Course> FindForUpdateAsync(ITrainingDbContext db, Guid courseId, uint expectedVersion, CancellationToken cancellationToken)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken)
            ?? throw new NotFoundException("Course", courseId);
        if (course.RowVersion != expectedVersion)
        {
            throw new PreconditionFailedException("Course", courseId);
        }

        db.ExpectRowVersion(course, expectedVersion);
        return course;
    }
}

public sealed record GetCourse(Guid CourseId) : IQuery<CourseView>;

public sealed class GetCourseHandler(ITrainingDbContext db) : IQueryHandler<GetCourse, CourseView>
{
    public async ValueTask<CourseView> Handle(GetCourse query, CancellationToken cancellationToken) =>
        CourseView.From(await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.CourseId, cancellationToken)
            ?? throw new NotFoundException("Course", query.CourseId));
}

/// <param name="Status">draft, published or retired, as the API writes it.</param>
public sealed record ListCourses(string? TradeCode, string? Status, Guid? ProviderId, PageRequest Page) : IQuery<Page<CourseView>>;

public sealed class ListCoursesValidator : AbstractValidator<ListCourses>
{
    public ListCoursesValidator() =>
        RuleFor(q => q.Status).Must(status => EnumNames.Parse<CourseStatus>(status) is not null).When(q => q.Status is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The status is draft, published or retired.");
}

public sealed class ListCoursesHandler(ITrainingDbContext db) : IQueryHandler<ListCourses, Page<CourseView>>
{
    public async ValueTask<Page<CourseView>> Handle(ListCourses query, CancellationToken cancellationToken)
    {
        var courses = db.Courses.AsNoTracking();
        if (query.TradeCode is { } trade)
        {
            courses = courses.Where(c => c.TradeCode == trade);
        }

        if (EnumNames.Parse<CourseStatus>(query.Status) is { } status)
        {
            courses = courses.Where(c => c.Status == status);
        }

        if (query.ProviderId is { } providerId)
        {
            courses = courses.Where(c => c.ProviderId == providerId);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await courses
            .Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
            .OrderBy(c => c.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<CourseView>.FromOverFetch(fetched.Select(CourseView.From).ToList(), query.Page, c => (Guid?)c.Id);
    }
}
