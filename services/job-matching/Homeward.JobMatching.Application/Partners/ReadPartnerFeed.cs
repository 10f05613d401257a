using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Industries;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>
/// The caller's vacancies in change order after a cursor: each vacancy once, at the sequence number of its latest
/// change, so reading from the start (no cursor) is a snapshot of the current state, and reading on from the last
/// cursor gives every change since, a withdrawn vacancy as a tombstone. Numbers only become visible in order (see
/// the feed's trigger), so a reader never skips a change that commits later with a smaller number.
/// </summary>
/// <param name="After">The cursor of the last page read; 0 or none to start from the beginning.</param>
/// <param name="Sectors">Only vacancies of enterprises in these GB/T 4754 sections; all when empty.</param>
public sealed record ReadPartnerFeed(long? After, IReadOnlyList<string> Sectors, int? Limit) : IQuery<PartnerFeedPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <param name="Sequence">The feed position of this change; the page's cursor is the last one's.</param>
/// <param name="Deleted">A tombstone: the partner withdrew the vacancy; vacancy is then left out.</param>
public sealed record PartnerFeedItem(long Sequence, Guid VacancyId, string? ExternalId, bool Deleted, PartnerFeedVacancy? Vacancy);

/// <summary>
/// A vacancy as the feed carries it: what <see cref="PartnerVacancyView"/> says, but not what the item already says
/// (the vacancy's ids, and withdrawn, which a tombstone says), so a page of 1,000 stays lean.
/// </summary>
/// <param name="RowVersion">The version to send as If-Match or an item's version when changing the vacancy.</param>
public sealed record PartnerFeedVacancy(
    string EnterpriseCreditCode,
    string? Sector,
    string Title,
    string TradeCode,
    SkillLevel RequiredLevel,
    IReadOnlyList<RequiredCertificate> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int Headcount,
    int Filled,
    decimal WageMin,
    decimal WageMax,
    bool Accommodation,
    DateOnly ValidThrough,
    VacancyStatus Status,
    DateTimeOffset UpdatedAt,
    uint RowVersion);

/// <param name="Cursor">Where to read on from: pass it as after. It stays the same when nothing new has come.</param>
/// <param name="HasMore">More changes wait after this page.</param>
public sealed record PartnerFeedPage(IReadOnlyList<PartnerFeedItem> Items, string Cursor, bool HasMore);

public sealed class ReadPartnerFeedValidator : AbstractValidator<ReadPartnerFeed>
{
    public ReadPartnerFeedValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).WithMessage("The cursor is a feed position from an earlier page, 0 or more.");
        RuleFor(q => q.Limit).InclusiveBetween(1, ReadPartnerFeed.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"The limit is 1 to {ReadPartnerFeed.MaxLimit}.");
        RuleForEach(q => q.Sectors).Must(Industries.IsKnown).WithMessage("A sector is a GB/T 4754 section letter, A to T.");
    }
}

public sealed class ReadPartnerFeedHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ReadPartnerFeed, PartnerFeedPage>
{
    public async ValueTask<PartnerFeedPage> Handle(ReadPartnerFeed query, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var after = query.After ?? 0;
        var limit = query.Limit ?? ReadPartnerFeed.DefaultLimit;
        var sectors = query.Sectors;
        // Projected in the query: the page needs no tracked or materialised vacancies, only the columns it shows.
        var rows = await db.PartnerFeed.AsNoTracking()
            .Where(f => f.PartnerCity == partner && f.Sequence > after)
            .Join(db.Vacancies, f => f.VacancyId, v => v.Id, (f, v) => new { f.Sequence, Vacancy = v })
            .Where(r => sectors.Count == 0 || sectors.Contains(r.Vacancy.Sector!))
            .Join(db.Employers, r => r.Vacancy.EmployerId, e => e.Id, (r, e) => new { r.Sequence, r.Vacancy, e.CreditCode })
            .OrderBy(r => r.Sequence)
            .Take(limit + 1)
            .Select(r => new PartnerFeedItem(
                r.Sequence,
                r.Vacancy.Id,
                r.Vacancy.ExternalId,
                r.Vacancy.WithdrawnAt != null,
                r.Vacancy.WithdrawnAt != null ? null : new PartnerFeedVacancy(
                    r.CreditCode,
                    r.Vacancy.Sector,
                    r.Vacancy.Title,
                    r.Vacancy.TradeCode,
                    r.Vacancy.RequiredLevel,
                    r.Vacancy.RequiredCertificates,
                    r.Vacancy.MinimumEducation,
                    r.Vacancy.Headcount,
                    r.Vacancy.Filled,
                    r.Vacancy.WageMin,
                    r.Vacancy.WageMax,
                    r.Vacancy.Accommodation,
                    r.Vacancy.ValidThrough,
                    r.Vacancy.Status,
                    r.Vacancy.UpdatedAt,
                    r.Vacancy.RowVersion)))
            .ToListAsync(cancellationToken);
        var page = rows.Count > limit ? rows[..limit] : rows;
        var cursor = page.Count > 0 ? page[^1].Sequence : after;
        return new PartnerFeedPage(page, cursor.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Count > limit);
    }
}
