using Microsoft.AspNetCore.Builder;

namespace Homeward.BuildingBlocks.Web.Idempotency;

/// <summary>Marks a creating POST whose effect an Idempotency-Key makes happen at most once.</summary>
public sealed class IdempotencyMetadata;

public static class IdempotencyEndpointExtensions
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>
    /// A request with an Idempotency-Key runs once: a replay returns the stored first response, the same key with a
    /// different request is refused with 422.
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyMetadata());
}
