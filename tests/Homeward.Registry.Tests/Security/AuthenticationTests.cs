using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Security;

/// <summary>Only valid tokens of the platform's issuer, meant for the registry, are accepted.</summary>
public sealed class AuthenticationTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private static readonly Caller Reader = Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead, Scopes.RegistryWrite);

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/registry/v1/workers" },
        { "POST", "/api/registry/v1/workers" },
        { "GET", $"/api/registry/v1/workers/{Guid.Empty}" },
        { "PATCH", $"/api/registry/v1/workers/{Guid.Empty}" },
        { "POST", $"/api/registry/v1/workers/{Guid.Empty}/personal-data/reveal" },
        { "GET", "/api/registry/v1/personal-data-reveals" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_answers_401_without_a_token(string method, string path)
    {
        var response = await registry.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { }),
        });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BrokenTokens => ["expired", "wrong-audience", "wrong-issuer", "tampered", "unsigned", "foreign-key", "garbage"];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_token_that_is_not_valid_for_the_registry_answers_401(string kind)
    {
        var token = kind switch
        {
            "expired" => registry.Tokens.ExpiredTokenFor(Reader),
            "wrong-audience" => registry.Tokens.TokenWithAudience(Reader, "job-matching"),
            "wrong-issuer" => registry.Tokens.TokenFromIssuer(Reader, "http://someone-else.example/"),
            "tampered" => registry.Tokens.TamperedTokenFor(Reader),
            "unsigned" => registry.Tokens.UnsignedTokenFor(Reader),
            "foreign-key" => registry.Tokens.TokenSignedByStranger(Reader),
            _ => "not.a.token",
        };

        var response = await registry.ClientWithToken(token).GetAsync("/api/registry/v1/workers");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var response = await registry.ClientFor(Reader).GetAsync("/api/registry/v1/workers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
