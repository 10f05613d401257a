namespace Homeward.BuildingBlocks.Infrastructure.Idempotency;

/// <summary>The first response to a creating request sent with an Idempotency-Key, kept to answer replays.</summary>
public sealed class IdempotentRequest
{
    public required string Client { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused (422).</summary>
    public required byte[] RequestHash { get; init; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }
}
