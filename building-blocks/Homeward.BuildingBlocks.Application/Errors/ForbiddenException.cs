namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>The caller may see the resource but may not do this to it (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
