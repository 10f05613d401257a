using Homeward.BuildingBlocks.Application.Paging;
using Homeward.Registry.Api.Workers;
using Homeward.Registry.Application.Search;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Api.Search;

/// <param name="Name">1 to 30 characters; matched by characters and by sound.</param>
/// <param name="NationalId">A full, valid resident ID number; matched exactly.</param>
/// <param name="Phone">A full mainland mobile number; matched exactly.</param>
/// <param name="Division">A division within yours (6 or 12 digits): its workers and those of every division below it.</param>
/// <param name="Statuses">Any of these employment statuses.</param>
/// <param name="Trade">A skill in this trade (a trade code of GET /api/training/v1/trades)…</param>
/// <param name="MinimumLevel">…at this level or above; junior when left out. Needs the trade.</param>
/// <param name="Educations">Any of these education levels.</param>
/// <param name="IntentionWhere">Would take a job there: homeCounty also finds those who would go further, anywhere only those who would go anywhere.</param>
/// <param name="IntentionTrade">Wants a job in this trade.</param>
/// <param name="ReturnedFrom">Returned home on or after this day.</param>
/// <param name="ReturnedTo">Returned home on or before this day.</param>
/// <param name="Limit">Results per page, 1 to 200 (50 when left out).</param>
/// <param name="Cursor">The nextCursor of the previous page, with the same criteria.</param>
public sealed record SearchWorkersRequest(
    string? Name = null,
    string? NationalId = null,
    string? Phone = null,
    string? Division = null,
    IReadOnlyList<EmploymentStatus>? Statuses = null,
    string? Trade = null,
    SkillLevel? MinimumLevel = null,
    IReadOnlyList<EducationLevel>? Educations = null,
    WorkLocation? IntentionWhere = null,
    string? IntentionTrade = null,
    DateOnly? ReturnedFrom = null,
    DateOnly? ReturnedTo = null,
    int? Limit = null,
    string? Cursor = null)
{
    public SearchWorkers ToQuery(PageRequest page) => new(
        Name,
        NationalId,
        Phone,
        Division,
        Statuses,
        Trade,
        MinimumLevel,
        Educations,
        IntentionWhere,
        IntentionTrade,
        ReturnedFrom,
        ReturnedTo,
        page);
}

/// <param name="Match">For a name search: exactName, sameSound or similar; null otherwise.</param>
/// <param name="Worker">The worker's record, masked.</param>
public sealed record WorkerSearchHitResponse(NameMatch? Match, WorkerResponse Worker)
{
    public static WorkerSearchHitResponse From(WorkerSearchResult result) => new(result.Match, WorkerResponse.From(result.Worker));
}
