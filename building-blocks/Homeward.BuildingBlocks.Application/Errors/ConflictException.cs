namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>
/// The request conflicts with the current state (409): a duplicate, or a state change that is no longer possible.
/// <see cref="ExistingResourcePath"/> points to the record that already holds the identity, when there is one.
/// </summary>
public sealed class ConflictException(string code, string message, string? existingResourcePath = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? ExistingResourcePath { get; } = existingResourcePath;
}
