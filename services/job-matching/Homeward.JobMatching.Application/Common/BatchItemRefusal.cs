using System.Text.RegularExpressions;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.SharedKernel;

namespace Homeward.JobMatching.Application.Common;

/// <summary>
/// Why one item of a batch was refused, in the terms a problem response to the same request alone would use: its
/// status (404, 409, 422), a stable code, the message and, for a conflict with an existing record, its path.
/// </summary>
/// <param name="Code">E.g. candidate-not-found (also a worker outside the caller's division, or not yet known here), vacancy-full, recommendation-already-open.</param>
public sealed partial record BatchItemRefusal(int Status, string Code, string Detail, string? Existing = null)
{
    /// <summary>The refusal a use case's failure stands for, or null for a failure that is not about the item (which then fails the whole batch).</summary>
    public static BatchItemRefusal? From(Exception failure) => failure switch
    {
        NotFoundException notFound => new(404, $"{Kebab().Replace(notFound.Resource, "$1-$2").ToLowerInvariant()}-not-found", notFound.Message),
        ConflictException conflict => new(409, conflict.Code, conflict.Message, conflict.ExistingResourcePath),
        DomainException domain => new(422, domain.Code, domain.Message),
        _ => null,
    };

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();
}
