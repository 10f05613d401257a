using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Fairs;

/// <summary>A fair: fairs are not personal data, so every office sees every fair.</summary>
public sealed record GetJobFair(Guid FairId) : IQuery<JobFairView>;

public sealed class GetJobFairHandler(IJobMatchingDbContext db) : IQueryHandler<GetJobFair, JobFairView>
{
    public async ValueTask<JobFairView> Handle(GetJobFair query, CancellationToken cancellationToken) =>
        JobFairView.From(await FairAccess.FindAsync(db, query.FairId, cancellationToken));
}

/// <summary>Fairs, the latest day first.</summary>
public sealed record ListJobFairs(PageRequest Page) : IQuery<Page<JobFairView>>;

public sealed class ListJobFairsHandler(IJobMatchingDbContext db) : IQueryHandler<ListJobFairs, Page<JobFairView>>
{
    public async ValueTask<Page<JobFairView>> Handle(ListJobFairs query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.JobFairs.AsNoTracking()
            .Where(f => after == null || f.Id.CompareTo(after.Value) < 0)
            .OrderByDescending(f => f.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<JobFairView>.FromOverFetch([.. fetched.Select(JobFairView.From)], query.Page, f => (Guid?)f.Id);
    }
}

/// <summary>The check-ins at a fair of workers of the caller's division.</summary>
public sealed record ListFairCheckIns(Guid FairId) : IQuery<IReadOnlyList<FairCheckInView>>;

public sealed class ListFairCheckInsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListFairCheckIns, IReadOnlyList<FairCheckInView>>
{
    public async ValueTask<IReadOnlyList<FairCheckInView>> Handle(ListFairCheckIns query, CancellationToken cancellationToken)
    {
        var fair = await FairAccess.FindAsync(db, query.FairId, cancellationToken);
        return await db.FairCheckIns.AsNoTracking()
            .Where(c => c.FairId == fair.Id)
            .WithinDivisionOf(currentUser, c => c.WorkerDivision)
            .OrderBy(c => c.CheckedInAt)
            .Select(c => new FairCheckInView(c.Id, c.FairId, c.WorkerId, c.WorkerDivision, c.CheckedInAt))
            .ToListAsync(cancellationToken);
    }
}

/// <param name="CheckIns">Workers of the caller's division who came.</param>
/// <param name="Offers">Offers made on the spot to them (each a job-fair recommendation).</param>
/// <param name="Placed">Of those offers, the ones that became placements.</param>
/// <param name="MeanMonthlyWage">Mean monthly wage of those placements, null when none.</param>
public sealed record FairResults(
    Guid FairId, int Employers, int Vacancies, int CheckIns, int Offers, int Placed, int CrossRegionPlaced, decimal? MeanMonthlyWage);

/// <summary>What a fair achieved, counted over the workers of the caller's division.</summary>
public sealed record GetFairResults(Guid FairId) : IQuery<FairResults>;

public sealed class GetFairResultsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetFairResults, FairResults>
{
    public async ValueTask<FairResults> Handle(GetFairResults query, CancellationToken cancellationToken)
    {
        var fair = await FairAccess.FindAsync(db, query.FairId, cancellationToken);
        var checkIns = await db.FairCheckIns.Where(c => c.FairId == fair.Id).WithinDivisionOf(currentUser, c => c.WorkerDivision).CountAsync(cancellationToken);
        var offers = db.FairOffers.Where(o => o.FairId == fair.Id).WithinDivisionOf(currentUser, o => o.WorkerDivision);
        var offerCount = await offers.CountAsync(cancellationToken);
        var placements = await offers
            .Join(db.Placements, o => o.RecommendationId, p => p.RecommendationId, (o, p) => new { p.CrossRegion, p.MonthlyWage })
            .ToListAsync(cancellationToken);
        return new FairResults(
            fair.Id,
            fair.EmployerIds.Length,
            fair.VacancyIds.Length,
            checkIns,
            offerCount,
            placements.Count,
            placements.Count(p => p.CrossRegion),
            placements.Count == 0 ? null : decimal.Round(placements.Average(p => p.MonthlyWage), 2));
    }
}
