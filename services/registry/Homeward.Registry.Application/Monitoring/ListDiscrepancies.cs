using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Monitoring;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Discrepancies of workers of the caller's division (optionally a division below it), oldest first: the order in
/// which they should be settled. Open ones unless another status is asked for.
/// </summary>
/// <param name="Status">open, accepted or rejected; open when not given.</param>
public sealed record ListDiscrepancies(string? Division, string? Status, PageRequest Page) : IQuery<Page<DiscrepancyView>>;

public sealed class ListDiscrepanciesValidator : AbstractValidator<ListDiscrepancies>
{
    public ListDiscrepanciesValidator()
    {
        RuleFor(q => q.Division).MustBeADivision();
        RuleFor(q => q.Status).Must(status => status is null || DiscrepancyStatuses.TryParse(status, out _))
            .WithMessage("The status is open, accepted or rejected.");
    }
}

public sealed class ListDiscrepanciesHandler(IRegistryDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListDiscrepancies, Page<DiscrepancyView>>
{
    public async ValueTask<Page<DiscrepancyView>> Handle(ListDiscrepancies query, CancellationToken cancellationToken)
    {
        var status = query.Status is null ? DiscrepancyStatus.Open : DiscrepancyStatuses.Parse(query.Status);
        var after = query.Page.After<DiscrepancyCursor>();
        var fetched = await db.VisibleDiscrepancies(currentUser, query.Division).AsNoTracking()
            .Where(r => r.Discrepancy.Status == status)
            .Where(r => after == null
                || r.Discrepancy.OpenedAt > after.OpenedAt
                || (r.Discrepancy.OpenedAt == after.OpenedAt && r.Discrepancy.Id.CompareTo(after.Id) > 0))
            .OrderBy(r => r.Discrepancy.OpenedAt)
            .ThenBy(r => r.Discrepancy.Id)
            .Take(query.Page.Limit + 1)
            .ToViews(db)
            .ToListAsync(cancellationToken);
        return Page<DiscrepancyView>.FromOverFetch(fetched, query.Page, d => new DiscrepancyCursor(d.OpenedAt, d.Id));
    }

    private sealed record DiscrepancyCursor(DateTimeOffset OpenedAt, Guid Id);
}

internal static class DiscrepancyStatuses
{
    public static bool TryParse(string value, out DiscrepancyStatus status)
    {
        var matches = Enum.GetValues<DiscrepancyStatus>()
            .Where(member => string.Equals(member.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        status = matches.FirstOrDefault();
        return matches.Count == 1;
    }

    public static DiscrepancyStatus Parse(string value) =>
        TryParse(value, out var status) ? status : throw new ArgumentException($"Unknown discrepancy status '{value}'.", nameof(value));
}
