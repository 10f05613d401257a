using System.Globalization;
using Homeward.BuildingBlocks.Application.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Homeward.BuildingBlocks.Web.Http;

/// <summary>
/// Strong ETags over the row version (PostgreSQL xmin) of an aggregate, and the If-Match rule for updates: missing
/// is 428, a value that is not one of ours is 412 like a stale one, <c>*</c> is not accepted because it would skip the
/// lost-update check.
/// </summary>
public static class ETags
{
    public static string Format(uint rowVersion) => string.Create(CultureInfo.InvariantCulture, $"\"{rowVersion}\"");

    public static void SetETag(this HttpResponse response, uint rowVersion) =>
        response.Headers.ETag = Format(rowVersion);

    /// <summary>The row version the client says it is changing.</summary>
    public static uint RequireIfMatch(this HttpRequest request, string resource, object id)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PreconditionRequiredException();
        }

        if (EntityTagHeaderValue.TryParse(header, out var tag)
            && !tag.IsWeak
            && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new PreconditionFailedException(resource, id);
    }
}
