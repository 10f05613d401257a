namespace Homeward.Training.Domain.Enrollments;

public enum LessonKind
{
    Theory = 0,
    Practical = 1,
}

/// <summary>A lesson held in a session, theory or practical, with the hours it lasted.</summary>
public sealed class Lesson
{
    private Lesson()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public LessonKind Kind { get; private set; }

    public decimal Hours { get; private set; }

    public string Topic { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    public static Lesson Held(Guid id, Guid sessionId, DateOnly heldOn, LessonKind kind, decimal hours, string topic, DateTimeOffset now) =>
        new() { Id = id, SessionId = sessionId, HeldOn = heldOn, Kind = kind, Hours = hours, Topic = topic, RecordedAt = now };
}

/// <summary>Whether one enrolled trainee was present at one lesson.</summary>
public sealed class Attendance
{
    private Attendance()
    {
    }

    public Guid LessonId { get; private set; }

    public Guid EnrollmentId { get; private set; }

    public bool Present { get; private set; }

    public static Attendance Of(Guid lessonId, Guid enrollmentId, bool present) => new() { LessonId = lessonId, EnrollmentId = enrollmentId, Present = present };
}
