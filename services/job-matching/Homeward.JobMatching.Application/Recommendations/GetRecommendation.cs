using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Recommendations;

/// <summary>A recommendation to a worker of the caller's division; any other is "not found".</summary>
public sealed record GetRecommendation(Guid RecommendationId) : IQuery<RecommendationView>;

public sealed class GetRecommendationHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetRecommendation, RecommendationView>
{
    public async ValueTask<RecommendationView> Handle(GetRecommendation query, CancellationToken cancellationToken) =>
        RecommendationView.From(await db.Recommendations.AsNoTracking()
            .WithinDivisionOf(currentUser, r => r.WorkerDivision)
            .FirstOrDefaultAsync(r => r.Id == query.RecommendationId, cancellationToken)
            ?? throw new NotFoundException("Recommendation", query.RecommendationId));
}

/// <summary>Recommendations to workers of the caller's division, optionally of one worker or vacancy, in the order they were made.</summary>
public sealed record ListRecommendations(Guid? WorkerId, Guid? VacancyId, bool? Open, PageRequest Page) : IQuery<Page<RecommendationView>>;

public sealed class ListRecommendationsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListRecommendations, Page<RecommendationView>>
{
    public async ValueTask<Page<RecommendationView>> Handle(ListRecommendations query, CancellationToken cancellationToken)
    {
        var recommendations = db.Recommendations.AsNoTracking().WithinDivisionOf(currentUser, r => r.WorkerDivision);
        if (query.WorkerId is { } workerId)
        {
            recommendations = recommendations.Where(r => r.WorkerId == workerId);
        }

        if (query.VacancyId is { } vacancyId)
        {
            recommendations = recommendations.Where(r => r.VacancyId == vacancyId);
        }

        if (query.Open is { } open)
        {
            recommendations = recommendations.Where(r => r.IsOpen == open);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await recommendations
            .Where(r => after == null || r.Id.CompareTo(after.Value) > 0)
            .OrderBy(r => r.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<RecommendationView>.FromOverFetch(fetched.Select(RecommendationView.From).ToList(), query.Page, r => (Guid?)r.Id);
    }
}
