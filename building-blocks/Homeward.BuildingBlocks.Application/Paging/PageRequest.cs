using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Errors;

namespace Homeward.BuildingBlocks.Application.Paging;

/// <summary>
/// A request for one page of a keyset-paged list: at most <see cref="Limit"/> items after the position encoded in
/// the opaque <see cref="Cursor"/>. Handlers fetch <c>Limit + 1</c> rows to learn whether a next page exists.
/// </summary>
public readonly record struct PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private PageRequest(int limit, string? cursor)
    {
        Limit = limit;
        Cursor = cursor;
    }

    public int Limit { get; }

    public string? Cursor { get; }

    public static PageRequest First(int limit = DefaultLimit) => Create(limit, null);

    public static PageRequest Create(int? limit, string? cursor)
    {
        var value = limit ?? DefaultLimit;
        if (value is < 1 or > MaxLimit)
        {
            throw new RequestValidationException(
                "limit",
                string.Create(CultureInfo.InvariantCulture, $"The limit is between 1 and {MaxLimit}."));
        }

        return new PageRequest(value, string.IsNullOrEmpty(cursor) ? null : cursor);
    }

    /// <summary>The position after which this page starts, or default for the first page.</summary>
    public TKey? After<TKey>() => Cursor is null ? default : DecodeCursor<TKey>(Cursor);

    public static string EncodeCursor<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    private static TKey DecodeCursor<TKey>(string cursor)
    {
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor))
                ?? throw new JsonException("Empty cursor.");
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw new RequestValidationException("cursor", "The cursor is not one this list issued. Start again without it.");
        }
    }
}
