using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Homeward.Identity.Tests;

/// <summary>Reading what an issued access token says, as a service would see it.</summary>
public static class Jwt
{
    public static JsonWebToken Read(string token) => new(token);

    public static IReadOnlySet<string> Values(this JsonWebToken token, string type) =>
        token.Claims.Where(c => c.Type == type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Scopes, whether sent as one space-separated claim (RFC 9068) or as several.</summary>
    public static IReadOnlySet<string> Scopes(this JsonWebToken token) =>
        token.Claims.Where(c => c.Type == HomewardClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The access token of a successful token endpoint answer; fails with the answer otherwise.</summary>
    public static async Task<JsonWebToken> AccessTokenOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint answered {(int)response.StatusCode}: {body}");
        return Read(JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!);
    }

    /// <summary>The OAuth error of a refused token request (RFC 6749 §5.2).</summary>
    public static async Task<string?> ErrorOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
}
