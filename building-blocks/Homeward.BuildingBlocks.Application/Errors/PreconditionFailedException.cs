namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>The record changed since the caller read it: the If-Match version is stale (412).</summary>
public sealed class PreconditionFailedException(string resource, object id)
    : Exception($"{resource} '{id}' was changed by someone else. Read it again and retry with the new ETag.");
