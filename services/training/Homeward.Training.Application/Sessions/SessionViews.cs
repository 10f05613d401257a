using Homeward.SharedKernel.Trades;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;

namespace Homeward.Training.Application.Sessions;

public sealed record SessionView(
    Guid Id,
    Guid CourseId,
    Guid ProviderId,
    string TradeCode,
    SkillLevel Level,
    string Division,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Capacity,
    int Enrolled,
    int SeatsLeft,
    IReadOnlyList<string> Instructors,
    SessionStatus Status,
    DateTimeOffset CreatedAt,
    uint RowVersion)
{
    public static SessionView From(TrainingSession s) => new(
        s.Id, s.CourseId, s.ProviderId, s.TradeCode, s.Level, s.Division, s.StartsOn, s.EndsOn, s.Capacity, s.EnrolledCount, s.SeatsLeft, s.Instructors, s.Status, s.CreatedAt, s.RowVersion);
}

public sealed record LessonView(Guid Id, Guid SessionId, DateOnly HeldOn, LessonKind Kind, decimal Hours, string Topic, int Present, int Absent);
