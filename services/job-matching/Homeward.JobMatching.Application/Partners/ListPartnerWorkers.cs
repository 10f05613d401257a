using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <param name="Trade">A trade the worker is skilled in, or wants to work in.</param>
public sealed record PartnerWorkerSkill(string Trade, SkillLevel Level);

/// <summary>A certificate as a partner sees it: its trade, level and whether it was verified — never its number.</summary>
public sealed record PartnerWorkerCertificate(string Kind, string? TradeCode, SkillLevel? Level, bool Verified);

/// <summary>
/// What a partner city may see of one of our workers: the non-personal profile a recruiter needs. No name, no ID or
/// phone number, no birth date or gender, no village or residence: the worker id is all that names the worker, and
/// only our offices can tell who it is.
/// </summary>
public sealed record PartnerWorkerView(
    Guid WorkerId,
    EducationLevel? Education,
    IReadOnlyList<PartnerWorkerSkill> Skills,
    IReadOnlyList<PartnerWorkerCertificate> Certificates,
    IReadOnlyList<string> DesiredTrades,
    decimal? MinimumMonthlyWage,
    DateOnly? AvailableFrom,
    IReadOnlyList<int> BusyMonths)
{
    public static PartnerWorkerView From(Candidate candidate) => new(
        candidate.WorkerId,
        candidate.Education,
        [.. candidate.Skills.Select(s => new PartnerWorkerSkill(s.TradeCode, s.Level))],
        [.. candidate.Certificates.Select(c => new PartnerWorkerCertificate(c.Kind, c.TradeCode, c.Level, c.Verified))],
        candidate.Intention!.Trades,
        candidate.Intention.MinimumMonthlyWage,
        candidate.Intention.AvailableFrom,
        candidate.Intention.BusyMonths);
}

/// <summary>
/// Our workers a partner city may recruit: those seeking work who said they would work in a partner city (or
/// anywhere) and need not stay near their family — never one who did not say so. Optionally by trade.
/// </summary>
public sealed record ListPartnerWorkers(string? TradeCode, PageRequest Page) : IQuery<Page<PartnerWorkerView>>;

public sealed class ListPartnerWorkersValidator : AbstractValidator<ListPartnerWorkers>
{
    public ListPartnerWorkersValidator() =>
        RuleFor(q => q.TradeCode).Must(code => TradeCatalog.Current.Contains(code!)).When(q => q.TradeCode is not null)
            .WithMessage("The trade is a code of the trade reference data, e.g. welder.");
}

public sealed class ListPartnerWorkersHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListPartnerWorkers, Page<PartnerWorkerView>>
{
    public async ValueTask<Page<PartnerWorkerView>> Handle(ListPartnerWorkers query, CancellationToken cancellationToken)
    {
        PartnerVacancyRules.PartnerOf(currentUser);
        var after = query.Page.After<Guid?>();
        var trade = query.TradeCode;
        var fetched = await OpenToPartnerCities(db.Candidates.AsNoTracking())
            .Where(c => trade == null || c.TradeCodes.Contains(trade))
            .Where(c => after == null || c.WorkerId.CompareTo(after.Value) > 0)
            .OrderBy(c => c.WorkerId)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<PartnerWorkerView>.FromOverFetch([.. fetched.Select(PartnerWorkerView.From)], query.Page, w => (Guid?)w.WorkerId);
    }

    /// <summary>Registered workers seeking work whose own intention takes them to a partner city.</summary>
    public static IQueryable<Candidate> OpenToPartnerCities(IQueryable<Candidate> candidates) =>
        candidates.Where(c => c.RegisteredAt != null
            && c.Intention != null
            && c.Status == CandidateStatus.SeekingWork
            && (c.Reach == WorkLocation.PartnerCities || c.Reach == WorkLocation.Anywhere));
}
