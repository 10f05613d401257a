using System.Net;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Gateway.Tests;

/// <summary>Bodies larger than the configured cap are refused at the gateway.</summary>
public sealed class RequestBodyCapTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private readonly HttpClient _writer = gateway.ClientFor(Caller.App(Scopes.RegistryRead, Scopes.RegistryWrite));

    [Fact]
    public async Task A_body_declared_larger_than_the_cap_is_answered_413_and_never_reaches_the_service()
    {
        var marker = GatewayHost.NewMarker();
        using var content = new ByteArrayContent(new byte[GatewayHost.MaxRequestBodyBytes + 1]);

        var response = await _writer.PostAsync(GatewayHost.EchoPathFor(marker), content);

        Assert.Equal(GatewayHost.MaxRequestBodyBytes + 1, content.Headers.ContentLength);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.False(gateway.Backend.Saw(marker), "The backend received a body the gateway should have refused.");
    }

    [Fact]
    public async Task A_body_of_exactly_the_cap_is_forwarded_to_the_service()
    {
        var marker = GatewayHost.NewMarker();
        using var content = new ByteArrayContent(new byte[GatewayHost.MaxRequestBodyBytes]);

        var response = await _writer.PostAsync(GatewayHost.EchoPathFor(marker), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(gateway.Backend.Saw(marker));
    }
}
