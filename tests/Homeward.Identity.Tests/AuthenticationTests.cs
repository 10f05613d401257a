using System.Net;
using System.Net.Http.Json;
using Homeward.Testing;

namespace Homeward.Identity.Tests;

/// <summary>The management API accepts only this service's own valid tokens; every endpoint says who may call it.</summary>
public sealed class AuthenticationTests(IdentityService identity) : IClassFixture<IdentityService>
{
    public static TheoryData<string, string> ManagementEndpoints => new()
    {
        { "GET", "/api/identity/v1/staff" },
        { "POST", "/api/identity/v1/staff" },
        { "GET", $"/api/identity/v1/staff/{Guid.Empty}" },
        { "PATCH", $"/api/identity/v1/staff/{Guid.Empty}" },
        { "PUT", $"/api/identity/v1/staff/{Guid.Empty}/password" },
        { "POST", $"/api/identity/v1/staff/{Guid.Empty}/unlock" },
        { "GET", "/api/identity/v1/clients" },
        { "POST", "/api/identity/v1/clients" },
        { "GET", "/api/identity/v1/clients/app-x" },
        { "POST", "/api/identity/v1/clients/app-x/secret" },
        { "DELETE", "/api/identity/v1/clients/app-x" },
    };

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        EndpointAccessRules.AssertEveryEndpointDeclaresAccess(identity.Services);
    }

    [Theory]
    [MemberData(nameof(ManagementEndpoints))]
    public async Task Every_management_endpoint_answers_401_problem_without_a_token(string method, string path)
    {
        var response = await identity.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }),
        });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_with_401()
    {
        var stranger = await TestTokenIssuer.GetAsync();
        using var client = identity.Factory.ClientWithToken(stranger.TokenFor(Caller.CityAdmin()));

        var response = await client.GetAsync("/api/identity/v1/staff");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_naming_this_issuer_but_signed_with_an_unpublished_key_is_refused_with_401()
    {
        var stranger = await TestTokenIssuer.GetAsync();
        using var client = identity.Factory.ClientWithToken(stranger.TokenFromIssuer(Caller.CityAdmin(), IdentityService.Origin));

        var response = await client.GetAsync("/api/identity/v1/staff");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_administrators_own_token_is_accepted()
    {
        var response = await identity.Admin.GetAsync("/api/identity/v1/staff");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
