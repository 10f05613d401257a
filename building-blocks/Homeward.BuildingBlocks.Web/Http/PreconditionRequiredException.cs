namespace Homeward.BuildingBlocks.Web.Http;

/// <summary>An update arrived without If-Match (428): every update must say which version it changes.</summary>
public sealed class PreconditionRequiredException()
    : Exception("This update needs an If-Match header with the ETag of the version you read.");
