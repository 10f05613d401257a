using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>
/// The best <c>limit</c> items by exact score (ties by id as the database orders uuids), found from a ranking by
/// bound: groups of items, each with the most any of its items can score, read best bound first, and within a group
/// the items ranked by the most each could score. Items are loaded and scored a chunk at a time in ranking order; an
/// item whose best possible rounded score cannot beat the last place of the list (or only ties it with a later id)
/// ends its group, since every item after it ranks no higher, and a group whose bound cannot enter is not read, nor
/// any after it. The list is therefore the one scoring every item would give.
/// </summary>
/// <typeparam name="T">What is listed: vacancies or candidates.</typeparam>
/// <typeparam name="TGroup">What tells the ranking which group to read.</typeparam>
public sealed class BestByBound<T, TGroup>(
    int limit,
    MatchingOptions options,
    Func<TGroup, RankingPage, CancellationToken, Task<IReadOnlyList<RankedId>>> rank,
    Func<IReadOnlyList<Guid>, CancellationToken, Task<List<T>>> load,
    Func<T, Guid> idOf,
    Func<T, double?> scoreOf)
{
    private readonly List<(T Item, double Score)> _best = new(limit + 1);

    /// <param name="groups">Every group with the most its items can score, in descending order of that bound.</param>
    public async Task<IReadOnlyList<(T Item, double Score)>> FindAsync(IEnumerable<(TGroup Group, double Bound)> groups, CancellationToken cancellationToken)
    {
        var previous = double.PositiveInfinity;
        foreach (var (group, bound) in groups)
        {
            if (bound > previous)
            {
                throw new ArgumentException("The groups are in descending order of their bounds.", nameof(groups));
            }

            previous = bound;
            if (IsFinalAgainst(Matcher.RankOf(bound), id: null))
            {
                break;
            }

            await ReadGroupAsync(group, cancellationToken);
        }

        return _best;
    }

    private async Task ReadGroupAsync(TGroup group, CancellationToken cancellationToken)
    {
        for (var offset = 0; ; offset += options.RankingPage)
        {
            var ranked = await rank(group, new RankingPage(offset, options.RankingPage), cancellationToken);
            for (var next = 0; next < ranked.Count; next += options.ScoreChunk)
            {
                if (IsFinalAgainst(ranked[next].Rank, ranked[next].Id))
                {
                    return;
                }

                var ids = ranked.Skip(next).Take(options.ScoreChunk).Select(r => r.Id).ToList();
                foreach (var item in await load(ids, cancellationToken))
                {
                    if (scoreOf(item) is { } score)
                    {
                        Add(item, score);
                    }
                }
            }

            if (ranked.Count < options.RankingPage)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Whether no item ranked at <paramref name="rank"/> (in tenths) or lower can enter the list any more; an item of the
    /// same rank as the last place's score enters only with an earlier id, and later items of that rank have later ids.
    /// </summary>
    private bool IsFinalAgainst(int rank, Guid? id)
    {
        if (_best.Count < limit)
        {
            return false;
        }

        var last = _best[^1];
        var lastTenths = Matcher.TenthsOf(last.Score);
        return rank < lastTenths || (rank == lastTenths && id is { } first && MatchOrder.CompareIds(first, idOf(last.Item)) > 0);
    }

    private void Add(T item, double score)
    {
        // A page read after a concurrent change may repeat an item of the page before.
        if (_best.Exists(b => idOf(b.Item) == idOf(item)))
        {
            return;
        }

        var at = _best.FindIndex(b => MatchOrder.Compare(score, idOf(item), b.Score, idOf(b.Item)) < 0);
        _best.Insert(at < 0 ? _best.Count : at, (item, score));
        if (_best.Count > limit)
        {
            _best.RemoveAt(_best.Count - 1);
        }
    }
}

/// <summary>The order of every match list: the higher score first, then the lower id as the database orders uuids (as text).</summary>
public static class MatchOrder
{
    public static int Compare(double score, Guid id, double otherScore, Guid otherId) =>
        score != otherScore ? otherScore.CompareTo(score) : CompareIds(id, otherId);

    public static int CompareIds(Guid id, Guid other) => string.CompareOrdinal(id.ToString(), other.ToString());
}
