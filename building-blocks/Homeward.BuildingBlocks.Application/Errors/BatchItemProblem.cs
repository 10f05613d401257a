using System.Text.RegularExpressions;
using Homeward.SharedKernel;

namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>
/// Why one item of a batch was rejected, in the terms of the problem response the same request alone would get: its
/// status (404, 409, 422), a stable code, the message and, for a conflict with an existing record, that record's path.
/// Every batch route answers an item it did not apply with one of these, so a client handles all of them one way.
/// </summary>
/// <param name="Code">E.g. candidate-not-found (also a worker outside the caller's division), vacancy-full, already-assessed.</param>
public sealed partial record BatchItemProblem(int Status, string Code, string Detail, string? Existing = null)
{
    public static BatchItemProblem NotFound(string code, string detail) => new(404, code, detail);

    public static BatchItemProblem Conflict(string code, string detail) => new(409, code, detail);

    public static BatchItemProblem BreaksRule(string code, string detail) => new(422, code, detail);

    /// <summary>The problem a use case's failure stands for, or null for a failure that is not about the item (which then fails the whole batch).</summary>
    public static BatchItemProblem? From(Exception failure) => failure switch
    {
        NotFoundException notFound => NotFound($"{Kebab().Replace(notFound.Resource, "$1-$2").ToLowerInvariant()}-not-found", notFound.Message),
        ConflictException conflict => new(409, conflict.Code, conflict.Message, conflict.ExistingResourcePath),
        DomainException domain => BreaksRule(domain.Code, domain.Message),
        _ => null,
    };

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();
}
