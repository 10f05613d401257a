using Homeward.BuildingBlocks.Application.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>A partner city and how many of its enterprises are on record; partner cities are not personal data.</summary>
public sealed record GetPartnerCity(string PartnerCityId) : IQuery<PartnerCityView>;

public sealed class GetPartnerCityHandler(IJobMatchingDbContext db) : IQueryHandler<GetPartnerCity, PartnerCityView>
{
    public async ValueTask<PartnerCityView> Handle(GetPartnerCity query, CancellationToken cancellationToken)
    {
        var city = await db.PartnerCities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.PartnerCityId, cancellationToken)
            ?? throw new NotFoundException("PartnerCity", query.PartnerCityId);
        var enterprises = await db.Employers.CountAsync(e => e.PartnerCity == city.Id, cancellationToken);
        return PartnerCityView.From(city, enterprises);
    }
}

/// <summary>Every registered partner city, by id.</summary>
public sealed record ListPartnerCities : IQuery<IReadOnlyList<PartnerCityView>>;

public sealed class ListPartnerCitiesHandler(IJobMatchingDbContext db) : IQueryHandler<ListPartnerCities, IReadOnlyList<PartnerCityView>>
{
    public async ValueTask<IReadOnlyList<PartnerCityView>> Handle(ListPartnerCities query, CancellationToken cancellationToken)
    {
        var cities = await db.PartnerCities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var enterprises = await db.Employers.AsNoTracking()
            .Where(e => e.PartnerCity != null)
            .GroupBy(e => e.PartnerCity!)
            .Select(g => new { City = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.City, g => g.Count, cancellationToken);
        return [.. cities.Select(c => PartnerCityView.From(c, enterprises.GetValueOrDefault(c.Id)))];
    }
}
