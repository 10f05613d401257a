using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Businesses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Businesses;

public sealed record BusinessView(
    Guid Id,
    Guid FounderWorkerId,
    string Name,
    string CreditCode,
    BusinessKind Kind,
    string Sector,
    DateOnly RegisteredOn,
    int JobsCreated,
    string Division,
    uint RowVersion)
{
    public static BusinessView From(Business business) => new(
        business.Id, business.FounderWorkerId, business.Name, business.CreditCode, business.Kind, business.Sector,
        business.RegisteredOn, business.JobsCreated, business.Division, business.RowVersion);

    public static string PathOf(Guid id) => $"/api/subsidy/v1/businesses/{id}";
}

/// <summary>A business of the caller's division (404 elsewhere).</summary>
public sealed record GetBusiness(Guid BusinessId) : IQuery<BusinessView>;

public sealed class GetBusinessHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<GetBusiness, BusinessView>
{
    public async ValueTask<BusinessView> Handle(GetBusiness query, CancellationToken cancellationToken) =>
        BusinessView.From(await db.Businesses.AsNoTracking().FindVisibleAsync(currentUser, query.BusinessId, cancellationToken));
}

/// <summary>Businesses of the caller's division, optionally of one founder, in registration order.</summary>
public sealed record ListBusinesses(Guid? FounderWorkerId, PageRequest Page) : IQuery<Page<BusinessView>>;

public sealed class ListBusinessesHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<ListBusinesses, Page<BusinessView>>
{
    public async ValueTask<Page<BusinessView>> Handle(ListBusinesses query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Businesses.AsNoTracking()
            .WithinDivisionOf(currentUser, b => b.Division)
            .Where(b => query.FounderWorkerId == null || b.FounderWorkerId == query.FounderWorkerId)
            .Where(b => after == null || b.Id.CompareTo(after.Value) > 0)
            .OrderBy(b => b.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<BusinessView>.FromOverFetch(fetched.Select(BusinessView.From).ToList(), query.Page, b => (Guid?)b.Id);
    }
}

public static class BusinessQueries
{
    public static async Task<Business> FindVisibleAsync(this IQueryable<Business> businesses, ICurrentUser currentUser, Guid businessId, CancellationToken cancellationToken) =>
        await businesses.WithinDivisionOf(currentUser, b => b.Division).FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken)
        ?? throw new NotFoundException("Business", businessId);
}
