using System.Net;

namespace Homeward.Gateway.Tests;

/// <summary>What anyone may reach without a token: health, the Swagger UI, the service documents and the OAuth endpoints.</summary>
public sealed class AnonymousRoutesTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Liveness_answers_without_a_token()
    {
        var response = await gateway.Anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_swagger_ui_answers_without_a_token()
    {
        var response = await gateway.Anonymous.GetAsync("/swagger/index.html");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}.");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_token_endpoint_is_forwarded_to_the_identity_service_without_a_token()
    {
        var marker = GatewayHost.NewMarker();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "app-test",
            ["client_secret"] = "not-checked-here",
        });

        var response = await gateway.Anonymous.PostAsync($"/connect/token?probe={marker}", form);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(gateway.Backend.Saw(marker), "The gateway did not forward /connect/token to the identity cluster.");
    }

    [Fact]
    public async Task The_openid_configuration_is_forwarded_to_the_identity_service_without_a_token()
    {
        var marker = GatewayHost.NewMarker();

        var response = await gateway.Anonymous.GetAsync($"/.well-known/openid-configuration?probe={marker}");

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(gateway.Backend.Saw(marker), "The gateway did not forward /.well-known/openid-configuration to the identity cluster.");
    }

    [Fact]
    public async Task A_service_document_is_fetched_without_a_token_from_the_services_own_swagger_path()
    {
        var marker = GatewayHost.NewMarker();

        var response = await gateway.Anonymous.GetAsync($"/swagger/registry/v1/swagger.json?probe={marker}");

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"/swagger/v1/swagger.json?probe={marker}", gateway.Backend.Received);
    }
}
