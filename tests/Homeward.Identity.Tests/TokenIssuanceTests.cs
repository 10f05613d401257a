using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.Identity.Tests;

/// <summary>
/// The bootstrap city administrator signs in through the code + PKCE flow and receives a signed JWT that says who
/// they are, where they work and what they may do; the signing keys survive a restart.
/// </summary>
public sealed class TokenIssuanceTests(IdentityService identity) : IClassFixture<IdentityService>
{
    [Fact]
    public async Task The_configured_administrator_exists_after_first_start_as_a_city_administrator_of_the_city()
    {
        var admin = await FindStaffAsync(identity.Admin, IdentityService.AdminUserName);

        Assert.Equal([Roles.CityAdmin], admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Caller.City, admin.GetProperty("division").GetString());
        Assert.False(admin.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task The_administrators_token_is_an_RS256_JWT_signed_with_a_published_key()
    {
        var token = await identity.SignInAsync(IdentityService.AdminUserName, IdentityService.AdminPassword, Scopes.RegistryRead);
        var jwt = Jwt.Read(token);
        var keys = await SigningKeysAsync(identity.Anonymous);

        Assert.Equal(SecurityAlgorithms.RsaSha256, jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.False(string.IsNullOrEmpty(jwt.Kid));
        Assert.Contains(jwt.Kid, keys.Select(k => k.KeyId));

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdentityService.Origin,
            ValidAudience = "registry",
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.ToString());
    }

    [Fact]
    public async Task The_administrators_token_names_issuer_audiences_allowed_scopes_role_division_subject_and_name()
    {
        var admin = await FindStaffAsync(identity.Admin, IdentityService.AdminUserName);

        var jwt = Jwt.Read(await identity.SignInAsync(
            IdentityService.AdminUserName, IdentityService.AdminPassword, Scopes.RegistryRead, Scopes.IdentityAdmin, Scopes.PartnerSync));

        Assert.Equal(IdentityService.Origin, jwt.Issuer);
        Assert.Equal(["identity", "registry"], jwt.Audiences.Order(StringComparer.Ordinal));
        Assert.Equal([Scopes.IdentityAdmin, Scopes.RegistryRead], jwt.Scopes().Order(StringComparer.Ordinal));
        Assert.Equal([Roles.CityAdmin], jwt.Values(HomewardClaims.Role));
        Assert.Equal(Caller.City, jwt.GetClaim(HomewardClaims.Division).Value);
        Assert.Equal(admin.GetProperty("id").GetString(), jwt.Subject);
        Assert.Equal(admin.GetProperty("displayName").GetString(), jwt.GetClaim(HomewardClaims.Name).Value);
        Assert.True(jwt.ValidTo > DateTime.UtcNow);
    }

    [Fact]
    public async Task An_authorization_code_is_redeemed_once_and_only_with_its_code_verifier()
    {
        using var browser = identity.Factory.Browser();
        var (authorized, verifier, redirectUri) = await StaffSignIn.SignInAsync(
            browser, IdentityService.AdminUserName, IdentityService.AdminPassword, [Scopes.RegistryRead]);
        var code = await StaffSignIn.CodeFromAsync(browser, authorized);

        var wrongVerifier = await StaffSignIn.RedeemAsync(browser, code, verifier[..^2] + "xx", redirectUri);
        using var otherBrowser = identity.Factory.Browser();
        var (otherAuthorized, otherVerifier, _) = await StaffSignIn.SignInAsync(
            otherBrowser, IdentityService.AdminUserName, IdentityService.AdminPassword, [Scopes.RegistryRead]);
        var otherCode = await StaffSignIn.CodeFromAsync(otherBrowser, otherAuthorized);
        var first = await StaffSignIn.RedeemAsync(browser, otherCode, otherVerifier, redirectUri);
        var second = await StaffSignIn.RedeemAsync(browser, otherCode, otherVerifier, redirectUri);

        Assert.Equal("invalid_grant", await Jwt.ErrorOfAsync(wrongVerifier));
        Assert.Equal(Scopes.RegistryRead, (await Jwt.AccessTokenOfAsync(first)).Scopes().Single());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", await Jwt.ErrorOfAsync(second));
    }

    [Fact]
    public async Task Restarting_with_the_same_keys_and_database_keeps_the_key_id_and_the_single_administrator()
    {
        var kidsBefore = (await SigningKeysAsync(identity.Anonymous)).Select(k => k.KeyId).ToHashSet();

        await using var restarted = new IdentityFactory(identity.Settings);
        using var client = restarted.CreateClient();
        var kidsAfter = (await SigningKeysAsync(client)).Select(k => k.KeyId).ToHashSet();
        using var adminOfRestarted = restarted.ClientWithToken(identity.AdminToken);
        var tokenIssuedBeforeRestart = await adminOfRestarted.GetAsync("/api/identity/v1/staff");

        Assert.NotEmpty(kidsBefore);
        Assert.Equal(kidsBefore, kidsAfter);
        Assert.Equal(HttpStatusCode.OK, tokenIssuedBeforeRestart.StatusCode);
        Assert.Equal(1L, await identity.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM identity.staff_accounts"));
        Assert.Equal(1L, await identity.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM identity.staff_accounts WHERE '{Roles.CityAdmin}' = ANY(roles)"));
    }

    private static async Task<IList<SecurityKey>> SigningKeysAsync(HttpClient client)
    {
        var configuration = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(IdentityService.Origin, configuration.GetProperty("issuer").GetString());
        var jwks = await client.GetStringAsync(new Uri(configuration.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        return new JsonWebKeySet(jwks).GetSigningKeys();
    }

    private static async Task<JsonElement> FindStaffAsync(HttpClient admin, string userName)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/identity/v1/staff?limit=200");
        return page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("userName").GetString() == userName);
    }
}
