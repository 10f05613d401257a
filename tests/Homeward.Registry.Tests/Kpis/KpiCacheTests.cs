using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Kpis;

/// <summary>The registry with its figures cached for a minute, as deployed.</summary>
public sealed class CachedFiguresRegistry() : ServiceUnderTest<Program>("Registry", "registry")
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Figures:CacheDuration"] = "00:01:00";
        return defaults;
    }
}

/// <summary>KPIs are served again from the figures cache, but only to callers whose own request would get them.</summary>
public sealed class KpiCacheTests(CachedFiguresRegistry registry) : IClassFixture<CachedFiguresRegistry>
{
    private const string County = "419921000000";
    private const string OtherCounty = "419922000000";

    [Fact]
    public async Task Figures_asked_again_come_from_the_cache_with_their_age_until_a_new_query_asks_afresh()
    {
        var first = await TotalAsync(await registry.Client.GetAsync("/api/registry/v1/kpis?division=419921&from=2026-01-01"));
        await RegisterAsync();
        var again = await registry.Client.GetAsync("/api/registry/v1/kpis?division=419921&from=2026-01-01");
        var otherQuery = await registry.Client.GetAsync("/api/registry/v1/kpis?division=419921&from=2026-01-02");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(first, await TotalAsync(again));
        Assert.Equal(first + 1, await TotalAsync(otherQuery));
    }

    [Fact]
    public async Task Cached_figures_are_never_served_to_a_caller_of_another_division_nor_without_the_scope()
    {
        var query = $"/api/registry/v1/kpis?division={County}";
        Assert.Equal(HttpStatusCode.OK, (await registry.ClientFor(Caller.Staff(County, Roles.CountyOfficer, Scopes.RegistryRead)).GetAsync(query)).StatusCode);

        var outsider = await registry.ClientFor(Caller.Staff(OtherCounty, Roles.CountyOfficer, Scopes.RegistryRead)).GetAsync(query);
        var withoutScope = await registry.ClientFor(Caller.Staff(County, Roles.CountyOfficer, Scopes.RegistryWrite)).GetAsync(query);

        await outsider.AssertProblemAsync(HttpStatusCode.Forbidden);
        await withoutScope.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task RegisterAsync()
    {
        var created = await registry.Client.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId = NationalIds.Next(),
            name = "缓存测",
            householdDivision = "419921101201",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static async Task<int> TotalAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registered").GetProperty("total").GetInt32();
}
