using System.Net;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Gateway.Tests;

/// <summary>The gateway lets only valid tokens of the platform's issuer through to a service.</summary>
public sealed class AuthenticationTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private static readonly Caller Reader = Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead);

    [Fact]
    public async Task A_request_without_a_token_is_answered_401_and_never_reaches_the_service()
    {
        var marker = GatewayHost.NewMarker();

        var response = await gateway.Anonymous.GetAsync(GatewayHost.EchoPathFor(marker));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.False(gateway.Backend.Saw(marker), "The backend received a request the gateway should have refused.");
    }

    public static TheoryData<string> BrokenTokens =>
        ["expired", "wrong-issuer", "wrong-audience", "tampered", "unsigned", "foreign-key", "garbage"];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_token_that_is_not_valid_is_answered_401_and_never_reaches_the_service(string kind)
    {
        var token = kind switch
        {
            "expired" => gateway.Tokens.ExpiredTokenFor(Reader),
            "wrong-issuer" => gateway.Tokens.TokenFromIssuer(Reader, "http://someone-else.example/"),
            "wrong-audience" => gateway.Tokens.TokenWithAudience(Reader, "payments"),
            "tampered" => gateway.Tokens.TamperedTokenFor(Reader),
            "unsigned" => gateway.Tokens.UnsignedTokenFor(Reader),
            "foreign-key" => gateway.Tokens.TokenSignedByStranger(Reader),
            _ => "not.a.token",
        };
        var marker = GatewayHost.NewMarker();

        var response = await gateway.ClientWithToken(token).GetAsync(GatewayHost.EchoPathFor(marker));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(gateway.Backend.Saw(marker), "The backend received a request the gateway should have refused.");
    }

    [Theory]
    [InlineData("registry.read")]
    [InlineData("jobmatching.read")]
    [InlineData("subsidy.read")]
    [InlineData("training.read")]
    [InlineData("identity.admin")]
    public async Task A_valid_token_for_any_service_of_the_platform_passes_the_gateway(string scope)
    {
        var marker = GatewayHost.NewMarker();

        var response = await gateway.ClientFor(Caller.App(scope)).GetAsync(GatewayHost.EchoPathFor(marker));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(gateway.Backend.Saw(marker));
    }
}
