using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;

namespace Homeward.Training.Domain.Catalog;

public enum CourseStatus
{
    Draft = 0,
    Published = 1,
    Retired = 2,
}

/// <summary>
/// What a provider teaches for a trade and level: theory and practical hours and a syllabus. A draft can be changed;
/// only a course whose practical hours make up at least the city's minimum share can be published, so that a
/// theory-only course (the speech's ten days of housekeeping without practice) never reaches a session.
/// </summary>
public sealed class Course : IHasRowVersion
{
    private Course()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProviderId { get; private set; }

    public string TradeCode { get; private set; } = string.Empty;

    public SkillLevel Level { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public int TheoryHours { get; private set; }

    public int PracticalHours { get; private set; }

    public IReadOnlyList<string> Syllabus { get; private set; } = [];

    public CourseStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public uint RowVersion { get; private set; }

    /// <summary>Practical hours as a share of all hours, 0 to 1.</summary>
    public decimal PracticalShare => ShareOf(TheoryHours, PracticalHours);

    public static decimal ShareOf(int theoryHours, int practicalHours) =>
        theoryHours + practicalHours == 0 ? 0m : Math.Round((decimal)practicalHours / (theoryHours + practicalHours), 4);

    public static Course Draft(
        Guid id, Guid providerId, string tradeCode, SkillLevel level, string title, int theoryHours, int practicalHours, IReadOnlyList<string> syllabus, DateTimeOffset now)
    {
        var course = new Course { Id = id, ProviderId = providerId, Status = CourseStatus.Draft, CreatedAt = now };
        course.Set(tradeCode, level, title, theoryHours, practicalHours, syllabus);
        return course;
    }

    public void Change(string tradeCode, SkillLevel level, string title, int theoryHours, int practicalHours, IReadOnlyList<string> syllabus)
    {
        if (Status != CourseStatus.Draft)
        {
            throw new DomainException("course-not-draft", "Only a draft course can be changed; a published course is what sessions teach.");
        }

        Set(tradeCode, level, title, theoryHours, practicalHours, syllabus);
    }

    public void Publish(decimal minimumPracticalShare, DateTimeOffset now)
    {
        if (Status != CourseStatus.Draft)
        {
            throw new DomainException("course-not-draft", "Only a draft course can be published.");
        }

        if (PracticalShare < minimumPracticalShare)
        {
            throw new DomainException(
                "practical-share-too-low",
                $"Practical hours are {PracticalShare:P0} of this course; the city requires at least {minimumPracticalShare:P0} before a course is published.");
        }

        Status = CourseStatus.Published;
        PublishedAt = now;
    }

    public void Retire()
    {
        if (Status != CourseStatus.Published)
        {
            throw new DomainException("course-not-published", "Only a published course can be retired.");
        }

        Status = CourseStatus.Retired;
    }

    private void Set(string tradeCode, SkillLevel level, string title, int theoryHours, int practicalHours, IReadOnlyList<string> syllabus)
    {
        TradeCode = tradeCode;
        Level = level;
        Title = title;
        TheoryHours = theoryHours;
        PracticalHours = practicalHours;
        Syllabus = syllabus;
    }
}
