using Homeward.Training.Domain.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Sessions;

/// <summary>Hours held and attended by kind, per enrollment of a session, summed by the database.</summary>
public static class AttendanceTallies
{
    public static async Task<Dictionary<Guid, AttendanceTally>> OfSessionAsync(ITrainingDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var held = await db.Lessons.AsNoTracking()
            .Where(l => l.SessionId == sessionId)
            .GroupBy(l => l.Kind)
            .Select(g => new { Kind = g.Key, Hours = g.Sum(l => l.Hours) })
            .ToListAsync(cancellationToken);
        var attended = await db.Attendances.AsNoTracking()
            .Where(a => a.Present)
            .Join(db.Lessons.Where(l => l.SessionId == sessionId), a => a.LessonId, l => l.Id, (a, l) => new { a.EnrollmentId, l.Kind, l.Hours })
            .GroupBy(x => new { x.EnrollmentId, x.Kind })
            .Select(g => new { g.Key.EnrollmentId, g.Key.Kind, Hours = g.Sum(x => x.Hours) })
            .ToListAsync(cancellationToken);
        var theoryHeld = held.Where(h => h.Kind == LessonKind.Theory).Sum(h => h.Hours);
        var practicalHeld = held.Where(h => h.Kind == LessonKind.Practical).Sum(h => h.Hours);
        var enrollmentIds = await db.Enrollments.AsNoTracking().Where(e => e.SessionId == sessionId).Select(e => e.Id).ToListAsync(cancellationToken);
        return enrollmentIds.ToDictionary(
            id => id,
            id => new AttendanceTally(
                theoryHeld,
                attended.Where(a => a.EnrollmentId == id && a.Kind == LessonKind.Theory).Sum(a => a.Hours),
                practicalHeld,
                attended.Where(a => a.EnrollmentId == id && a.Kind == LessonKind.Practical).Sum(a => a.Hours)));
    }
}
