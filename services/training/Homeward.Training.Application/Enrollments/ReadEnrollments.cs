using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Domain.Enrollments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Enrollments;

public sealed record GetEnrollment(Guid EnrollmentId) : IQuery<EnrollmentView>;

/// <summary>An enrollment of a worker of the caller's division; one outside it is "not found".</summary>
public sealed class GetEnrollmentHandler(ITrainingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetEnrollment, EnrollmentView>
{
    public async ValueTask<EnrollmentView> Handle(GetEnrollment query, CancellationToken cancellationToken)
    {
        var found = await db.Enrollments.AsNoTracking()
            .WithinDivisionOf(currentUser, e => e.WorkerDivision)
            .Where(e => e.Id == query.EnrollmentId)
            .Select(e => new
            {
                Enrollment = e,
                Name = db.Workers.Where(w => w.WorkerId == e.WorkerId).Select(w => w.Name).FirstOrDefault(),
                Position = db.Enrollments.Count(o => o.SessionId == e.SessionId && o.Status == EnrollmentStatus.Waitlisted && o.Arrival <= e.Arrival),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Enrollment", query.EnrollmentId);
        return EnrollmentView.From(found.Enrollment, found.Name ?? string.Empty, found.Position);
    }
}

/// <summary>
/// Enrollments of workers of the caller's division, of one session or one worker, in order of arrival; those of
/// workers elsewhere are never listed.
/// </summary>
public sealed record ListEnrollments(Guid? SessionId, Guid? WorkerId, PageRequest Page) : IQuery<Page<EnrollmentView>>;

public sealed class ListEnrollmentsHandler(ITrainingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListEnrollments, Page<EnrollmentView>>
{
    public async ValueTask<Page<EnrollmentView>> Handle(ListEnrollments query, CancellationToken cancellationToken)
    {
        var enrollments = db.Enrollments.AsNoTracking().WithinDivisionOf(currentUser, e => e.WorkerDivision);
        if (query.SessionId is { } sessionId)
        {
            enrollments = enrollments.Where(e => e.SessionId == sessionId);
        }

        if (query.WorkerId is { } workerId)
        {
            enrollments = enrollments.Where(e => e.WorkerId == workerId);
        }

        if (query.Page.After<EnrollmentCursor?>() is { } after)
        {
            var (afterSession, afterArrival) = (after.SessionId, after.Arrival);
            enrollments = enrollments.Where(e => e.SessionId.CompareTo(afterSession) > 0 || (e.SessionId == afterSession && e.Arrival > afterArrival));
        }

        var fetched = await enrollments
            .OrderBy(e => e.SessionId).ThenBy(e => e.Arrival)
            .Take(query.Page.Limit + 1)
            .Select(e => new
            {
                Enrollment = e,
                Name = db.Workers.Where(w => w.WorkerId == e.WorkerId).Select(w => w.Name).FirstOrDefault(),
                Position = db.Enrollments.Count(o => o.SessionId == e.SessionId && o.Status == EnrollmentStatus.Waitlisted && o.Arrival <= e.Arrival),
            })
            .ToListAsync(cancellationToken);
        return Page<EnrollmentView>.FromOverFetch(
            fetched.Select(f => EnrollmentView.From(f.Enrollment, f.Name ?? string.Empty, f.Position)).ToList(),
            query.Page,
            e => (EnrollmentCursor?)new EnrollmentCursor(e.SessionId, e.Arrival));
    }
}

public sealed record EnrollmentCursor(Guid SessionId, long Arrival);
