namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>
/// The resource does not exist, or lies outside what the caller may see: both answer 404 so that a caller cannot
/// learn that a record outside their division exists.
/// </summary>
public sealed class NotFoundException(string resource, object id)
    : Exception($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
}
