using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Security;

/// <summary>
/// Staff see and change only workers of their division and below: a worker elsewhere answers 404 exactly like a
/// missing one, never appears in a list, and no write may place a worker outside the caller's division.
/// </summary>
public sealed class DivisionScopingTests(RegistryService registry) : IClassFixture<RegistryService>, IAsyncLifetime
{
    private const string CountyA = "419921000000";
    private const string CountyB = "419922000000";
    private const string TownshipA1 = "419921101000";
    private const string VillageA1 = "419921101201";
    private const string VillageA2 = "419921102201";
    private const string VillageB = "419922101201";

    private static readonly string[] StaffScopes = [Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.RegistryReveal];

    private Guid _workerInA1;
    private Guid _workerInA2;
    private Guid _workerInB;

    private HttpClient CountyAOfficer => registry.ClientFor(Caller.Staff(CountyA, Roles.CountyOfficer, StaffScopes));

    private HttpClient TownshipA1Officer => registry.ClientFor(Caller.Staff(TownshipA1, Roles.TownshipOfficer, Scopes.RegistryRead, Scopes.RegistryWrite));

    public async Task InitializeAsync()
    {
        _workerInA1 = await RegisterAsync(registry.Client, VillageA1);
        _workerInA2 = await RegisterAsync(registry.Client, VillageA2);
        _workerInB = await RegisterAsync(registry.Client, VillageB);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task County_staff_read_their_county_and_get_404_for_another_county_exactly_like_a_missing_worker()
    {
        var own = await CountyAOfficer.GetAsync($"/api/registry/v1/workers/{_workerInA2}");
        var elsewhere = await CountyAOfficer.GetAsync($"/api/registry/v1/workers/{_workerInB}");
        var missing = await CountyAOfficer.GetAsync($"/api/registry/v1/workers/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var hidden = await elsewhere.AssertProblemAsync(HttpStatusCode.NotFound);
        var absent = await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(absent.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(
            absent.GetProperty("detail").GetString()!.Replace(absent.GetProperty("instance").GetString()![^36..], string.Empty, StringComparison.Ordinal),
            hidden.GetProperty("detail").GetString()!.Replace(hidden.GetProperty("instance").GetString()![^36..], string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_never_contains_a_worker_of_another_division()
    {
        var all = await ListAsync(CountyAOfficer, "/api/registry/v1/workers?limit=200");
        var filteredToB = await ListAsync(CountyAOfficer, $"/api/registry/v1/workers?division={CountyB}");

        Assert.Contains(_workerInA1, all);
        Assert.Contains(_workerInA2, all);
        Assert.DoesNotContain(_workerInB, all);
        Assert.Empty(filteredToB);
    }

    [Fact]
    public async Task Township_staff_see_only_their_township()
    {
        var list = await ListAsync(TownshipA1Officer, "/api/registry/v1/workers?limit=200");

        Assert.Contains(_workerInA1, list);
        Assert.DoesNotContain(_workerInA2, list);
        Assert.Equal(HttpStatusCode.NotFound, (await TownshipA1Officer.GetAsync($"/api/registry/v1/workers/{_workerInA2}")).StatusCode);
    }

    [Fact]
    public async Task City_staff_see_the_whole_city()
    {
        var list = await ListAsync(registry.Client, "/api/registry/v1/workers?limit=200");

        Assert.Contains(_workerInA1, list);
        Assert.Contains(_workerInA2, list);
        Assert.Contains(_workerInB, list);
    }

    [Fact]
    public async Task County_staff_cannot_change_a_worker_of_another_county()
    {
        var etag = (await registry.Client.GetAsync($"/api/registry/v1/workers/{_workerInB}")).Headers.ETag!.Tag;

        var response = await SendPatchAsync(CountyAOfficer, _workerInB, etag, new { name = "改名者" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEqual("改名者", await NameOfAsync(_workerInB));
    }

    [Fact]
    public async Task A_change_that_would_move_a_worker_outside_the_callers_division_is_refused()
    {
        var etag = (await CountyAOfficer.GetAsync($"/api/registry/v1/workers/{_workerInA1}")).Headers.ETag!.Tag;

        var response = await SendPatchAsync(CountyAOfficer, _workerInA1, etag, new { householdDivision = VillageB });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(VillageA1, await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT household_division FROM registry.workers WHERE id = '{_workerInA1}'"));
    }

    [Fact]
    public async Task Registering_a_worker_outside_the_callers_division_is_refused()
    {
        var response = await CountyAOfficer.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId = NationalIds.Next(),
            name = "越界者",
            householdDivision = VillageB,
        });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Personal_data_of_a_worker_in_another_county_cannot_be_revealed_and_nothing_is_recorded()
    {
        var response = await CountyAOfficer.PostAsJsonAsync(
            $"/api/registry/v1/workers/{_workerInB}/personal-data/reveal",
            new { reason = "Checking a duplicate registration." });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.personal_data_reveals WHERE worker_id = '{_workerInB}'"));
    }

    [Fact]
    public async Task A_token_without_a_division_sees_no_worker()
    {
        var noDivision = Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.RegistryRead) with { Division = string.Empty };

        var list = await ListAsync(registry.ClientFor(noDivision), "/api/registry/v1/workers");

        Assert.Empty(list);
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, string village)
    {
        var response = await client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId = NationalIds.Next(), name = "划区者", householdDivision = village });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> ListAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return page.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).ToList();
    }

    private static Task<HttpResponseMessage> SendPatchAsync(HttpClient client, Guid workerId, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/v1/workers/{workerId}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }

    private Task<string> NameOfAsync(Guid workerId) =>
        registry.Database.ScalarAsAdminAsync<string>($"SELECT name FROM registry.workers WHERE id = '{workerId}'");
}
