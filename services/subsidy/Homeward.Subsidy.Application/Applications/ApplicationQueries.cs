using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Applications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Applications;

public static class ApplicationQueries
{
    /// <summary>An application of the caller's division with its timeline; otherwise 404, as if it did not exist.</summary>
    public static async Task<SubsidyApplication> FindVisibleAsync(this IQueryable<SubsidyApplication> applications, ICurrentUser currentUser, Guid id, CancellationToken cancellationToken) =>
        await applications.Include(a => a.Timeline)
            .WithinDivisionOf(currentUser, a => a.Division)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException("Application", id);
}

public sealed record GetApplication(Guid ApplicationId) : IQuery<ApplicationView>;

public sealed class GetApplicationHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetApplication, ApplicationView>
{
    public async ValueTask<ApplicationView> Handle(GetApplication query, CancellationToken cancellationToken) =>
        ApplicationView.From(await db.Applications.AsNoTracking().FindVisibleAsync(currentUser, query.ApplicationId, cancellationToken), clock.GetUtcNow());
}

/// <summary>Applications of the caller's division, newest first by id, optionally of one status, policy or worker.</summary>
public sealed record ListApplications(ApplicationStatus? Status, Guid? PolicyId, Guid? WorkerId, PageRequest Page) : IQuery<Page<ApplicationView>>;

public sealed class ListApplicationsHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListApplications, Page<ApplicationView>>
{
    public async ValueTask<Page<ApplicationView>> Handle(ListApplications query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var applications = db.Applications.AsNoTracking().Include(a => a.Timeline).WithinDivisionOf(currentUser, a => a.Division);
        if (query.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (query.PolicyId is { } policyId)
        {
            applications = applications.Where(a => a.PolicyId == policyId);
        }

        if (query.WorkerId is { } workerId)
        {
            applications = applications.Where(a => a.WorkerId == workerId);
        }

        var fetched = await applications
            .Where(a => after == null || a.Id.CompareTo(after.Value) > 0)
            .OrderBy(a => a.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return Page<ApplicationView>.FromOverFetch(fetched.Select(a => ApplicationView.From(a, now)).ToList(), query.Page, a => (Guid?)a.Id);
    }
}

/// <summary>
/// The overdue queue: applications of the caller's division whose review stage is past its deadline, the most overdue
/// first, each with the office that owns the stage.
/// </summary>
public sealed record ListOverdueApplications(PageRequest Page) : IQuery<Page<ApplicationView>>;

public sealed record OverdueKey(DateTimeOffset DueAt, Guid Id);

public sealed class ListOverdueApplicationsHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListOverdueApplications, Page<ApplicationView>>
{
    public async ValueTask<Page<ApplicationView>> Handle(ListOverdueApplications query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var after = query.Page.After<OverdueKey?>();
        var overdue = db.Applications.AsNoTracking().Include(a => a.Timeline)
            .WithinDivisionOf(currentUser, a => a.Division)
            .Where(a => (a.Status == ApplicationStatus.PendingPreReview || a.Status == ApplicationStatus.PendingApproval) && a.StageDueAt < now);
        if (after is { } key)
        {
            overdue = overdue.Where(a => a.StageDueAt > key.DueAt || (a.StageDueAt == key.DueAt && a.Id.CompareTo(key.Id) > 0));
        }

        var fetched = await overdue.OrderBy(a => a.StageDueAt).ThenBy(a => a.Id).Take(query.Page.Limit + 1).ToListAsync(cancellationToken);
        return Page<ApplicationView>.FromOverFetch(
            fetched.Select(a => ApplicationView.From(a, now)).ToList(), query.Page, a => (OverdueKey?)new OverdueKey(a.StageDueAt!.Value, a.Id));
    }
}

/// <summary>An uploaded document's content, of an application of the caller's division.</summary>
public sealed record GetUploadContent(Guid ApplicationId, string DocumentCode) : IQuery<UploadContent>;

public sealed record UploadContent(string ContentType, byte[] Content, string Sha256);

public sealed class GetUploadContentHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<GetUploadContent, UploadContent>
{
    public async ValueTask<UploadContent> Handle(GetUploadContent query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(currentUser, query.ApplicationId, cancellationToken);
        var uploadId = application.Documents.FirstOrDefault(d => d.Code == query.DocumentCode)?.UploadId
            ?? throw new NotFoundException("Uploaded document", query.DocumentCode);
        var upload = await db.ApplicationUploads.AsNoTracking().FirstAsync(u => u.Id == uploadId, cancellationToken);
        return new UploadContent(upload.ContentType, upload.Content, Convert.ToHexStringLower(upload.Sha256));
    }
}
