using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Homeward.Gateway.Tests;

/// <summary>The gateway's one Swagger UI lists every service's document and signs staff in with PKCE.</summary>
public sealed partial class SwaggerUiTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    public static TheoryData<string, string> Documents => new()
    {
        { "registry", "Homeward Registry API" },
        { "job-matching", "Homeward Job Matching API" },
        { "subsidy", "Homeward Subsidy API" },
        { "training", "Homeward Training API" },
        { "identity", "Homeward Identity API" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_swagger_ui_lists_the_document_of_every_service_at_its_gateway_path(string service, string title)
    {
        var config = await ScriptObjectAsync("configObject");

        var urls = config.GetProperty("urls").EnumerateArray()
            .Select(entry => (Url: entry.GetProperty("url").GetString(), Name: entry.GetProperty("name").GetString()))
            .ToList();
        Assert.Contains(($"/swagger/{service}/v1/swagger.json", title), urls);
    }

    [Fact]
    public async Task The_swagger_ui_lists_no_document_but_the_services()
    {
        var config = await ScriptObjectAsync("configObject");

        Assert.Equal(Documents.Count, config.GetProperty("urls").GetArrayLength());
    }

    [Fact]
    public async Task The_swagger_ui_signs_staff_in_as_the_swagger_ui_client_with_pkce()
    {
        var oauth = await ScriptObjectAsync("oauthConfigObject");

        Assert.Equal("swagger-ui", oauth.GetProperty("clientId").GetString());
        Assert.True(oauth.GetProperty("usePkceWithAuthorizationCodeGrant").GetBoolean());
        Assert.False(oauth.TryGetProperty("clientSecret", out _), "A public client must not carry a secret in the page.");
    }

    /// <summary>A configuration object that Swashbuckle writes into /swagger/index.js as a JSON literal, fetched as a browser does: without a token.</summary>
    private async Task<JsonElement> ScriptObjectAsync(string name)
    {
        var response = await gateway.Anonymous.GetAsync("/swagger/index.js");
        var script = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var match = ScriptObject().Matches(script).SingleOrDefault(m => m.Groups["name"].Value == name);
        Assert.True(match is not null, $"/swagger/index.js declares no {name}.");
        return JsonDocument.Parse(match.Groups["json"].Value).RootElement;
    }

    [GeneratedRegex(@"var (?<name>\w+) = (?<json>\{.*\});")]
    private static partial Regex ScriptObject();
}
