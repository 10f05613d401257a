using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Search;

/// <summary>
/// Finds workers by criteria the store evaluates best itself (trigram similarity, blind-index hashes, array
/// containment).
/// </summary>
public interface IWorkerSearch
{
    /// <summary>
    /// The places of up to <paramref name="take"/> workers matching <paramref name="filter"/> and like
    /// <paramref name="name"/>, ordered by rank, then by similarity (highest first), then by id, starting after
    /// <paramref name="after"/>; the caller reads the records.
    /// </summary>
    Task<IReadOnlyList<WorkerSearchPosition>> RankByNameAsync(
        WorkerSearchFilter filter,
        (string Text, string Pinyin) name,
        WorkerSearchPosition? after,
        int take,
        CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> workers matching <paramref name="filter"/> with an id after
    /// <paramref name="after"/>, lowest id first: without a name to rank by, the records are the page, read in one
    /// statement (the query keeps its order only under an ORDER BY of its own).
    /// </summary>
    IQueryable<Worker> Matching(WorkerSearchFilter filter, Guid? after, int take);
}

/// <summary>
/// Resolved search criteria: every value already normalized, hashed or expanded, and the divisions already limited
/// to the caller's. Null or empty means "any".
/// </summary>
/// <param name="DivisionRange">The smallest and largest 12-digit household division code to include.</param>
/// <param name="SkillKey">"trade:level" (see <see cref="Worker.SkillKeys"/>).</param>
/// <param name="IntentionWhere">Any of these as the widest place the worker would take a job.</param>
public sealed record WorkerSearchFilter(
    (string First, string Last) DivisionRange,
    byte[]? NationalIdHash,
    byte[]? PhoneHash,
    IReadOnlyList<EmploymentStatus> Statuses,
    string? SkillKey,
    IReadOnlyList<EducationLevel> Educations,
    IReadOnlyList<WorkLocation> IntentionWhere,
    string? IntentionTrade,
    DateOnly? ReturnedFrom,
    DateOnly? ReturnedTo);

/// <summary>How well a worker's name matched a name search; the order of the members is the order of the results.</summary>
public enum NameMatch
{
    ExactName = 0,

    /// <summary>Written differently, said the same way: 张伟 for 张玮 or 章伟.</summary>
    SameSound = 1,

    /// <summary>Sharing enough of its characters (pg_trgm trigram similarity): 张伟明 for 张伟.</summary>
    Similar = 2,
}

/// <summary>
/// A worker's place in the search order, which is also the paging cursor: rank (the name match, 0 without a name),
/// similarity in thousandths (0 without a name), id.
/// </summary>
public sealed record WorkerSearchPosition(int Rank, int Similarity, Guid Id);
