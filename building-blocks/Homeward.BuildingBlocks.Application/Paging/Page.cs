namespace Homeward.BuildingBlocks.Application.Paging;

/// <summary>One page of a list and the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>
    /// Builds a page from rows fetched with <c>Take(request.Limit + 1)</c>: the extra row only tells that there is
    /// more, and the cursor is the key of the last row returned.
    /// </summary>
    public static Page<T> FromOverFetch<TKey>(IReadOnlyList<T> fetched, PageRequest request, Func<T, TKey> keyOf)
    {
        if (fetched.Count <= request.Limit)
        {
            return new Page<T>(fetched, null);
        }

        var items = fetched.Take(request.Limit).ToList();
        return new Page<T>(items, PageRequest.EncodeCursor(keyOf(items[^1])));
    }

    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor);
}
