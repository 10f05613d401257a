using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>How each kind of caller gets a token from the real Identity service and what it may do with it.</summary>
public sealed class AccessTests(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task An_app_registered_by_an_administrator_gets_a_client_credentials_token_and_reads_workers()
    {
        var created = await platform.Admin.PostAsJsonAsync("/api/identity/v1/clients", new
        {
            displayName = "Worker mini-app",
            kind = "app",
            scopes = new[] { Scopes.RegistryRead },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();

        var token = await TokenAsync(client.GetProperty("client").GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, Scopes.RegistryRead);
        using var app = new HttpClient { BaseAddress = platform.GatewayAddress };
        app.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/registry/v1/workers")).StatusCode);
        var write = await app.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId = SliceTests.NewNationalId(), name = "应用者", householdDivision = "419921101201" });
        await write.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_citys_client_cannot_reach_worker_data()
    {
        var created = await platform.Admin.PostAsJsonAsync("/api/identity/v1/clients", new
        {
            displayName = "Beijing labour cooperation",
            kind = "partner",
            partnerId = $"beijing-{Guid.NewGuid():N}"[..20],
            scopes = new[] { Scopes.PartnerSync },
        });
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = await TokenAsync(client.GetProperty("client").GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, Scopes.PartnerSync);
        using var partner = new HttpClient { BaseAddress = platform.GatewayAddress };
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await partner.GetAsync("/api/registry/v1/workers");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_village_collector_signs_in_through_the_swagger_flow_and_works_only_in_her_village()
    {
        const string village = "419921101203";
        var password = "Village-Pw-2026!";
        var userName = $"collector-{Guid.NewGuid():N}"[..20];
        var created = await platform.Admin.PostAsJsonAsync("/api/identity/v1/staff", new
        {
            userName,
            displayName = "王庄镇姜庄村信息员",
            password,
            roles = new[] { Roles.VillageCollector },
            division = village,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var collector = await platform.SignInAsync(userName, password, [Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.RegistryReveal]);
        var own = await collector.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId = SliceTests.NewNationalId(), name = "本村人", householdDivision = village });
        var other = await collector.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId = SliceTests.NewNationalId(), name = "外村人", householdDivision = "419921101201" });
        var reveal = await collector.PostAsJsonAsync($"{own.Headers.Location}/personal-data/reveal", new { reason = "Checking the number on the ledger." });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await other.AssertProblemAsync(HttpStatusCode.Forbidden);
        await reveal.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<string> TokenAsync(string clientId, string secret, string scope)
    {
        var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
