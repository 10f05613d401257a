using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Identity.Tests;

/// <summary>
/// A city administrator registers third-party apps and partner cities' systems; they get tokens by client
/// credentials, with only the scopes they were granted and asked for.
/// </summary>
public sealed class ClientTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private const string Path = "/api/identity/v1/clients";

    private HttpClient Admin => identity.Admin;

    [Fact]
    public async Task Creating_an_app_client_answers_201_with_its_secret_shown_once()
    {
        var response = await Admin.PostAsJsonAsync(Path, new { displayName = "Worker mini-app", kind = Roles.App, scopes = new[] { Scopes.RegistryRead, Scopes.JobMatchingRead } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = created.GetProperty("client");
        var clientId = client.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        Assert.Equal($"{Path}/{clientId}", response.Headers.Location?.ToString());
        Assert.StartsWith("app-", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40, $"A secret of 32 random bytes, got {secret.Length} characters.");
        Assert.Equal(Roles.App, client.GetProperty("kind").GetString());
        Assert.Equal(Caller.City, client.GetProperty("division").GetString());
        Assert.Equal([Scopes.JobMatchingRead, Scopes.RegistryRead], client.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal));

        var read = await Admin.GetAsync($"{Path}/{clientId}");
        var readBody = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(secret, readBody, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", readBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_app_gets_a_token_with_role_app_its_client_id_the_city_its_audiences_and_only_the_requested_scopes()
    {
        var (clientId, secret) = await CreateAsync(new { displayName = "Bank", kind = Roles.App, scopes = new[] { Scopes.RegistryRead, Scopes.JobMatchingRead } });

        var both = await Jwt.AccessTokenOfAsync(await identity.RequestClientTokenAsync(clientId, secret, Scopes.RegistryRead, Scopes.JobMatchingRead));
        var one = await Jwt.AccessTokenOfAsync(await identity.RequestClientTokenAsync(clientId, secret, Scopes.JobMatchingRead));

        Assert.Equal(IdentityService.Origin, both.Issuer);
        Assert.Equal([Roles.App], both.Values(HomewardClaims.Role));
        Assert.Equal([clientId], both.Values(HomewardClaims.ClientId));
        Assert.Equal(clientId, both.Subject);
        Assert.Equal(Caller.City, both.GetClaim(HomewardClaims.Division).Value);
        Assert.Equal(["job-matching", "registry"], both.Audiences.Order(StringComparer.Ordinal));
        Assert.Equal([Scopes.JobMatchingRead, Scopes.RegistryRead], both.Scopes().Order(StringComparer.Ordinal));
        Assert.False(both.TryGetClaim(HomewardClaims.PartnerId, out _));
        Assert.Equal([Scopes.JobMatchingRead], one.Scopes());
        Assert.Equal(["job-matching"], one.Audiences);
    }

    [Fact]
    public async Task Asking_for_a_scope_the_client_was_not_granted_is_refused_with_invalid_scope()
    {
        var (clientId, secret) = await CreateAsync(new { displayName = "Training provider", kind = Roles.App, scopes = new[] { Scopes.TrainingRead } });

        var response = await identity.RequestClientTokenAsync(clientId, secret, Scopes.TrainingRead, Scopes.TrainingWrite);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("access_token", body, StringComparison.Ordinal);

        Assert.Equal("invalid_scope", await Jwt.ErrorOfAsync(response));
        Assert.Contains("scope", JsonDocument.Parse(body).RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_invalid_client()
    {
        var (clientId, _) = await CreateAsync(new { displayName = "Guesser", kind = Roles.App, scopes = new[] { Scopes.TrainingRead } });

        var response = await identity.RequestClientTokenAsync(clientId, "not-the-secret", Scopes.TrainingRead);

        Assert.Equal("invalid_client", await Jwt.ErrorOfAsync(response));
    }

    [Theory]
    [InlineData(Scopes.RegistryReveal)]
    [InlineData(Scopes.JobMatchingReveal)]
    [InlineData(Scopes.IdentityAdmin)]
    [InlineData(Scopes.PartnerSync)]
    public async Task An_app_may_not_be_granted_reveal_identity_administration_or_partner_synchronisation(string scope)
    {
        var response = await Admin.PostAsJsonAsync(Path, new { displayName = "Greedy app", kind = Roles.App, scopes = new[] { Scopes.RegistryRead, scope } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["scopes"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_scope_or_kind_answers_400()
    {
        var scope = await Admin.PostAsJsonAsync(Path, new { displayName = "App", kind = Roles.App, scopes = new[] { "registry.everything" } });
        var kind = await Admin.PostAsJsonAsync(Path, new { displayName = "App", kind = Roles.CityAdmin, scopes = new[] { Scopes.RegistryRead } });

        Assert.Equal(["scopes"], (await scope.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["kind"], (await kind.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Theory]
    [InlineData("419921101299")]
    [InlineData("419921101206")]
    public async Task A_client_in_an_unknown_or_retired_division_answers_400_naming_division(string division)
    {
        var response = await Admin.PostAsJsonAsync(Path, new { displayName = "Village app", kind = Roles.App, scopes = new[] { Scopes.RegistryRead }, division });

        Assert.Equal(["division"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_client_of_a_county_gets_tokens_for_that_county()
    {
        var (clientId, secret) = await CreateAsync(new { displayName = "County app", kind = Roles.App, scopes = new[] { Scopes.RegistryRead }, division = StaffApi.County });

        var jwt = await Jwt.AccessTokenOfAsync(await identity.RequestClientTokenAsync(clientId, secret, Scopes.RegistryRead));

        Assert.Equal(StaffApi.County, jwt.GetClaim(HomewardClaims.Division).Value);
    }

    [Fact]
    public async Task A_partner_client_gets_a_token_with_role_partner_and_its_partner_id()
    {
        var (clientId, secret) = await CreateAsync(new { displayName = "Beijing labour cooperation", kind = Roles.Partner, partnerId = "beijing", scopes = new[] { Scopes.PartnerSync } });

        var jwt = await Jwt.AccessTokenOfAsync(await identity.RequestClientTokenAsync(clientId, secret, Scopes.PartnerSync));

        Assert.Equal("partner-beijing", clientId);
        Assert.Equal([Roles.Partner], jwt.Values(HomewardClaims.Role));
        Assert.Equal("beijing", jwt.GetClaim(HomewardClaims.PartnerId).Value);
        Assert.Equal([clientId], jwt.Values(HomewardClaims.ClientId));
        Assert.Equal([Scopes.PartnerSync], jwt.Scopes());
        Assert.Equal(["job-matching"], jwt.Audiences);
    }

    public static TheoryData<string[]> NotOnlyPartnerSync => new()
    {
        { new[] { Scopes.RegistryRead } },
        { new[] { Scopes.PartnerSync, Scopes.JobMatchingRead } },
    };

    [Theory]
    [MemberData(nameof(NotOnlyPartnerSync))]
    public async Task A_partner_client_holds_partner_sync_and_nothing_else(string[] scopes)
    {
        var response = await Admin.PostAsJsonAsync(Path, new { displayName = "Shanghai", kind = Roles.Partner, partnerId = "shanghai", scopes });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["scopes"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_partner_client_names_its_partner_city()
    {
        var response = await Admin.PostAsJsonAsync(Path, new { displayName = "Nobody", kind = Roles.Partner, scopes = new[] { Scopes.PartnerSync } });

        Assert.Equal(["partnerId"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_taken_client_id_answers_409()
    {
        var body = new { displayName = "Twice", kind = Roles.App, scopes = new[] { Scopes.TrainingRead }, clientId = "app-twice" };
        await CreateAsync(body);

        var response = await Admin.PostAsJsonAsync(Path, body);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rotating_the_secret_makes_the_old_one_fail_and_the_new_one_work()
    {
        var (clientId, oldSecret) = await CreateAsync(new { displayName = "Rotating", kind = Roles.App, scopes = new[] { Scopes.SubsidyRead } });
        await Jwt.AccessTokenOfAsync(await identity.RequestClientTokenAsync(clientId, oldSecret, Scopes.SubsidyRead));

        var rotated = await Admin.PostAsync($"{Path}/{clientId}/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        var withOld = await identity.RequestClientTokenAsync(clientId, oldSecret, Scopes.SubsidyRead);
        var withNew = await identity.RequestClientTokenAsync(clientId, newSecret, Scopes.SubsidyRead);

        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal("invalid_client", await Jwt.ErrorOfAsync(withOld));
        Assert.Equal(clientId, (await Jwt.AccessTokenOfAsync(withNew)).Subject);
    }

    [Fact]
    public async Task The_list_shows_every_client_with_its_scopes_but_never_a_secret()
    {
        var (appId, appSecret) = await CreateAsync(new { displayName = "Listed app", kind = Roles.App, scopes = new[] { Scopes.TrainingRead, Scopes.TrainingWrite } });
        var (partnerId, partnerSecret) = await CreateAsync(new { displayName = "Listed partner", kind = Roles.Partner, partnerId = "guangzhou", scopes = new[] { Scopes.PartnerSync } });

        var response = await Admin.GetAsync(Path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        var app = items.Single(c => c.GetProperty("clientId").GetString() == appId);
        var partner = items.Single(c => c.GetProperty("clientId").GetString() == partnerId);
        Assert.Equal([Scopes.TrainingRead, Scopes.TrainingWrite], app.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("guangzhou", partner.GetProperty("partnerId").GetString());
        Assert.DoesNotContain(items, c => c.GetProperty("clientId").GetString() is StaffSignIn.SwaggerClientId or "dashboard");
        Assert.DoesNotContain(appSecret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(partnerSecret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_deleted_client_answers_404_and_gets_no_more_tokens()
    {
        var (clientId, secret) = await CreateAsync(new { displayName = "Short-lived", kind = Roles.App, scopes = new[] { Scopes.SubsidyRead } });

        var deleted = await Admin.DeleteAsync($"{Path}/{clientId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await Admin.GetAsync($"{Path}/{clientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"{Path}/{clientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("invalid_client", await Jwt.ErrorOfAsync(await identity.RequestClientTokenAsync(clientId, secret, Scopes.SubsidyRead)));
    }

    [Theory]
    [InlineData(StaffSignIn.SwaggerClientId)]
    [InlineData("dashboard")]
    public async Task A_staff_sign_in_client_is_not_an_API_client_to_read_rotate_or_delete(string clientId)
    {
        await (await Admin.GetAsync($"{Path}/{clientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PostAsync($"{Path}/{clientId}/secret", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"{Path}/{clientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(string ClientId, string Secret)> CreateAsync(object body)
    {
        var response = await Admin.PostAsJsonAsync(Path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a client answered {(int)response.StatusCode}: {text}");
        var created = JsonDocument.Parse(text).RootElement;
        return (created.GetProperty("client").GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }
}
