namespace Homeward.BuildingBlocks.Web.Http;

/// <summary>
/// The rate-limit headers the gateway puts on every response (IETF draft "RateLimit header fields for HTTP"), so a
/// client can slow down before it is refused with 429 and <c>Retry-After</c>.
/// </summary>
public static class RateLimitHeaders
{
    /// <summary>The client's burst: how many requests it may send at once.</summary>
    public const string Limit = "RateLimit-Limit";

    /// <summary>How many requests the client may still send now.</summary>
    public const string Remaining = "RateLimit-Remaining";

    /// <summary>Seconds until the client's allowance is full again.</summary>
    public const string Reset = "RateLimit-Reset";

    public const string RetryAfter = "Retry-After";
}
