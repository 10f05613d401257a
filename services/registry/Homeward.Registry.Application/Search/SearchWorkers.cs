using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Names;
using Homeward.SharedKernel.Privacy;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Search;

/// <summary>
/// Finds workers of the caller's division by any combination of criteria; every criterion given must hold. A name is
/// matched by sound as well as by characters, so that 张伟 also finds 张玮 and 章伟: exact names come first, then
/// names said the same way, then similar names by similarity. National ID and phone numbers match exactly, through
/// their lookup hashes. Results are in a stable order (rank, similarity, id) and paged by cursor.
/// </summary>
/// <param name="Division">Only this division and below; one outside the caller's finds nothing.</param>
/// <param name="Trade">Workers with a skill in this trade, at <paramref name="MinimumLevel"/> (junior when not given) or above.</param>
/// <param name="IntentionWhere">Workers who would take a job there: their intention reaches at least that far.</param>
/// <param name="IntentionTrade">Workers who want a job in this trade.</param>
public sealed record SearchWorkers(
    string? Name,
    string? NationalId,
    string? Phone,
    string? Division,
    IReadOnlyList<EmploymentStatus>? Statuses,
    string? Trade,
    SkillLevel? MinimumLevel,
    IReadOnlyList<EducationLevel>? Educations,
    WorkLocation? IntentionWhere,
    string? IntentionTrade,
    DateOnly? ReturnedFrom,
    DateOnly? ReturnedTo,
    PageRequest Page) : IQuery<Page<WorkerSearchResult>>
{
    public const int MaxNameLength = 30;

    public bool HasCriteria =>
        Name is not null || NationalId is not null || Phone is not null || Division is not null
        || Statuses is { Count: > 0 } || Trade is not null || Educations is { Count: > 0 } || IntentionWhere is not null
        || IntentionTrade is not null || ReturnedFrom is not null || ReturnedTo is not null;
}

/// <summary>One worker found, masked like every read, with how its name matched a name search.</summary>
/// <param name="Match">Null when the search had no name.</param>
/// <param name="Position">The worker's place in the order, for the next page's cursor.</param>
public sealed record WorkerSearchResult(WorkerView Worker, NameMatch? Match, WorkerSearchPosition Position);

public sealed class SearchWorkersValidator : AbstractValidator<SearchWorkers>
{
    public SearchWorkersValidator(TimeProvider clock)
    {
        RuleFor(q => q).Must(q => q.HasCriteria)
            .OverridePropertyName("$")
            .WithMessage("Give at least one criterion: name, nationalId, phone, division, statuses, trade, educations, intentionWhere, intentionTrade, returnedFrom or returnedTo.");
        RuleFor(q => q.Name).Must(name => name!.Trim().Length is >= 1 and <= SearchWorkers.MaxNameLength)
            .When(q => q.Name is not null)
            .WithMessage($"A name to search for is 1 to {SearchWorkers.MaxNameLength} characters.");
        RuleFor(q => q.NationalId).Custom((value, context) =>
        {
            if (value is not null && !NationalId.TryParse(value, clock.Today(), out _, out var error))
            {
                context.AddFailure(error.Describe());
            }
        });
        RuleFor(q => q.Phone).MustBeAPhone().When(q => q.Phone is not null);
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _))
            .When(q => q.Division is not null)
            .WithMessage("The division is a 12-digit statistical code or a 6-digit county code.");
        RuleForEach(q => q.Statuses).IsInEnum();
        RuleForEach(q => q.Educations).IsInEnum();
        RuleFor(q => q.Trade).Must(trade => TradeCatalog.Current.Contains(trade!))
            .When(q => q.Trade is not null)
            .WithMessage("The trade is a trade code of the trade reference data.");
        RuleFor(q => q.MinimumLevel).Must(level => level is > SkillLevel.None and <= SkillLevel.Technician)
            .When(q => q.MinimumLevel is not null)
            .WithMessage("A minimum level is junior, intermediate, senior or technician.");
        RuleFor(q => q.MinimumLevel).Null()
            .When(q => q.Trade is null)
            .WithMessage("A minimum level needs the trade it is a level in.");
        RuleFor(q => q.IntentionWhere).IsInEnum();
        RuleFor(q => q.IntentionTrade).Must(trade => TradeCatalog.Current.Contains(trade!))
            .When(q => q.IntentionTrade is not null)
            .WithMessage("The trade is a trade code of the trade reference data.");
        RuleFor(q => q.ReturnedTo).Must((q, to) => q.ReturnedFrom <= to)
            .When(q => q.ReturnedFrom is not null && q.ReturnedTo is not null)
            .WithMessage("The period ends on or after it begins.");
    }
}

public sealed class SearchWorkersHandler(
    IRegistryDbContext db,
    IWorkerSearch search,
    IPersonalDataProtector protector,
    ICurrentUser currentUser,
    TimeProvider clock) : IQueryHandler<SearchWorkers, Page<WorkerSearchResult>>
{
    public async ValueTask<Page<WorkerSearchResult>> Handle(SearchWorkers query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<WorkerSearchPosition>();
        if (DivisionRange(query.Division) is not { } range)
        {
            return new Page<WorkerSearchResult>([], null);
        }

        var filter = Filter(query, range);
        var take = query.Page.Limit + 1;
        var name = query.Name?.Trim();
        var results = name is null
            ? await MatchingAsync(filter, after, take, cancellationToken)
            : await RankedByNameAsync(filter, (name, ChineseNames.ToPinyin(name)), after, take, cancellationToken);
        return Page<WorkerSearchResult>.FromOverFetch(results, query.Page, r => r.Position);
    }

    /// <summary>Without a name, a worker's place is its id, and one statement reads the page.</summary>
    private async Task<List<WorkerSearchResult>> MatchingAsync(WorkerSearchFilter filter, WorkerSearchPosition? after, int take, CancellationToken cancellationToken)
    {
        var workers = await search.Matching(filter, after?.Id, take)
            .AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .OrderBy(w => w.Id)
            .ToListAsync(cancellationToken);
        return [.. workers.Select(w => new WorkerSearchResult(WorkerView.From(w), null, new WorkerSearchPosition(0, 0, w.Id)))];
    }

    private async Task<List<WorkerSearchResult>> RankedByNameAsync(
        WorkerSearchFilter filter,
        (string Text, string Pinyin) name,
        WorkerSearchPosition? after,
        int take,
        CancellationToken cancellationToken)
    {
        var positions = await search.RankByNameAsync(filter, name, after, take, cancellationToken);
        if (positions.Count == 0)
        {
            return [];
        }

        var ids = positions.Select(p => p.Id).ToList();
        var workers = await db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .Where(w => ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, cancellationToken);
        return [.. positions
            .Where(p => workers.ContainsKey(p.Id))
            .Select(p => new WorkerSearchResult(WorkerView.From(workers[p.Id]), (NameMatch)p.Rank, p))];
    }

    /// <summary>The caller's division, narrowed to the requested one; null when the two do not overlap.</summary>
    private (string First, string Last)? DivisionRange(string? requested)
    {
        if (currentUser.Division is not { } scope)
        {
            return null;
        }

        if (requested is null)
        {
            return scope.SubtreeRange;
        }

        var division = DivisionCode.Parse(requested);
        return division.IsWithin(scope) ? division.SubtreeRange
            : scope.IsWithin(division) ? scope.SubtreeRange
            : null;
    }

    private WorkerSearchFilter Filter(SearchWorkers query, (string First, string Last) range)
    {
        var today = clock.Today();
        return new WorkerSearchFilter(
            range,
            query.NationalId is null
                ? null
                : protector.LookupHash(PersonalDataKind.NationalId, NationalId.Parse(query.NationalId, today).Value),
            query.Phone is null ? null : protector.LookupHash(PersonalDataKind.Phone, PhoneNumber.Parse(query.Phone).Value),
            query.Statuses ?? [],
            query.Trade is null ? null : $"{query.Trade}:{query.MinimumLevel ?? SkillLevel.Junior}".ToLowerInvariant(),
            query.Educations ?? [],
            query.IntentionWhere is { } where ? [.. Enum.GetValues<WorkLocation>().Where(place => place >= where)] : [],
            query.IntentionTrade,
            query.ReturnedFrom,
            query.ReturnedTo);
    }
}
