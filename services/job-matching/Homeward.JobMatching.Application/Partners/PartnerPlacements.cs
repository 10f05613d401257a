using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Placements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>One of our workers placed with one of the partner's enterprises, as the partner sees it: the worker by id only.</summary>
public sealed record PartnerPlacementView(
    Guid PlacementId,
    Guid WorkerId,
    string EnterpriseCreditCode,
    string? VacancyExternalId,
    string? TradeCode,
    decimal MonthlyWage,
    DateOnly StartDate,
    DateOnly? ConfirmedOn,
    DateOnly? EndDate,
    PlacementEndReason? EndReason);

/// <summary>The placements with the caller's enterprises, oldest first.</summary>
public sealed record ListPartnerPlacements(PageRequest Page) : IQuery<Page<PartnerPlacementView>>;

public sealed class ListPartnerPlacementsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListPartnerPlacements, Page<PartnerPlacementView>>
{
    public async ValueTask<Page<PartnerPlacementView>> Handle(ListPartnerPlacements query, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var after = query.Page.After<Guid?>();
        var fetched = await (
            from p in db.Placements.AsNoTracking()
            where p.PartnerCity == partner && (after == null || p.Id.CompareTo(after.Value) > 0)
            join e in db.Employers on p.EmployerId equals e.Id
            join v in db.Vacancies on p.VacancyId equals v.Id into vacancies
            from v in vacancies.DefaultIfEmpty()
            orderby p.Id
            select new PartnerPlacementView(
                p.Id, p.WorkerId, e.CreditCode, v == null ? null : v.ExternalId, p.TradeCode, p.MonthlyWage, p.StartDate, p.ConfirmedOn, p.EndDate, p.EndReason))
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<PartnerPlacementView>.FromOverFetch(fetched, query.Page, p => (Guid?)p.PlacementId);
    }
}
