using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Search;

/// <summary>
/// Searching workers: names by characters and by sound, exact ID and phone numbers through their lookup hashes, the
/// other criteria together, within the caller's division, in a stable, cursor-paged order, masked.
/// </summary>
public sealed class SearchTests(SearchWorld world) : IClassFixture<SearchWorld>
{
    private const string Path = "/api/registry/v1/workers/search";

    private RegistryService Registry => world.Registry;

    private HttpClient CountyAOfficer => Registry.ClientFor(Caller.Staff(SearchWorld.CountyA, Roles.CountyOfficer, Scopes.RegistryRead));

    [Fact]
    public async Task A_name_finds_the_same_name_first_then_the_same_sound_then_similar_names()
    {
        var page = await SearchAsync(Registry.Client, new { name = "张伟" });

        var hits = Hits(page);
        Assert.Equal([world["张伟"], world["张伟 in county B"]], hits.Take(2).Select(h => h.Id).Order());
        Assert.All(hits.Take(2), h => Assert.Equal("exactName", h.Match));
        Assert.Equal([world["张玮"], world["章伟"]], hits.Skip(2).Take(2).Select(h => h.Id).Order());
        Assert.All(hits.Skip(2).Take(2), h => Assert.Equal("sameSound", h.Match));
        Assert.Contains(hits.Skip(4), h => h.Id == world["张伟明"] && h.Match == "similar");
        Assert.DoesNotContain(hits, h => h.Id == world["李娜"]);
    }

    [Fact]
    public async Task Paging_through_a_name_search_yields_every_result_once_in_the_same_order()
    {
        var all = Hits(await SearchAsync(Registry.Client, new { name = "张伟", limit = 50 })).Select(h => h.Id).ToList();

        var paged = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(Registry.Client, new { name = "张伟", limit = 1, cursor });
            paged.AddRange(Hits(page).Select(h => h.Id));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.True(all.Count >= 5, $"expected at least five names like 张伟, found {all.Count}");
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Paging_without_a_name_goes_by_id()
    {
        var first = await SearchAsync(Registry.Client, new { statuses = new[] { "seekingWork" }, limit = 2 });
        var second = await SearchAsync(Registry.Client, new { statuses = new[] { "seekingWork" }, limit = 2, cursor = first.GetProperty("nextCursor").GetString() });

        var ids = Hits(first).Concat(Hits(second)).Select(h => h.Id).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Null(second.GetProperty("nextCursor").GetString());
        Assert.All(Hits(first), h => Assert.Null(h.Match));
    }

    [Fact]
    public async Task A_county_officer_finds_only_workers_of_their_county()
    {
        var own = Hits(await SearchAsync(CountyAOfficer, new { name = "张伟" }));
        var otherCounty = Hits(await SearchAsync(CountyAOfficer, new { name = "张伟", division = SearchWorld.CountyB }));

        Assert.Contains(own, h => h.Id == world["张伟"]);
        Assert.DoesNotContain(own, h => h.Id == world["张伟 in county B"]);
        Assert.Empty(otherCounty);
    }

    [Fact]
    public async Task A_division_narrows_the_search_to_its_subtree()
    {
        var township = Hits(await SearchAsync(CountyAOfficer, new { name = "张伟", division = "419921102000" }));
        var wholeCity = Hits(await SearchAsync(CountyAOfficer, new { name = "张伟", division = "419900000000" }));

        Assert.Equal([world["章伟"]], township.Select(h => h.Id));
        Assert.DoesNotContain(wholeCity, h => h.Id == world["张伟 in county B"]);
    }

    [Fact]
    public async Task A_national_id_finds_exactly_that_worker_and_the_answer_shows_it_masked()
    {
        var nationalId = world.NationalIdOf("张玮");

        var response = await Registry.Client.PostAsJsonAsync(Path, new { nationalId });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hit = Assert.Single(Hits(JsonDocument.Parse(body).RootElement));
        Assert.Equal(world["张玮"], hit.Id);
        Assert.Equal($"{nationalId[..6]}********{nationalId[14..]}", hit.Worker.GetProperty("nationalId").GetString());
        Assert.DoesNotContain(nationalId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_number_finds_exactly_that_worker_in_any_accepted_form()
    {
        var hits = Hits(await SearchAsync(Registry.Client, new { phone = "+86 139-0013-9002" }));

        var hit = Assert.Single(hits);
        Assert.Equal(world["李娜"], hit.Id);
        Assert.Equal("139****9002", hit.Worker.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_national_id_of_a_worker_outside_the_callers_division_finds_nothing()
    {
        var hits = Hits(await SearchAsync(CountyAOfficer, new { nationalId = world.NationalIdOf("张伟 in county B") }));

        Assert.Empty(hits);
    }

    [Fact]
    public async Task A_national_id_with_a_division_finds_the_worker_only_within_that_division()
    {
        var nationalId = world.NationalIdOf("张玮");

        var ownTownship = Hits(await SearchAsync(Registry.Client, new { nationalId, division = "419921101000" }));
        var otherTownship = Hits(await SearchAsync(Registry.Client, new { nationalId, division = "419921102000" }));
        var otherCounty = Hits(await SearchAsync(CountyAOfficer, new { nationalId, division = SearchWorld.CountyB }));

        Assert.Equal([world["张玮"]], ownTownship.Select(h => h.Id));
        Assert.Empty(otherTownship);
        Assert.Empty(otherCounty);
    }

    [Fact]
    public async Task A_national_id_with_other_criteria_finds_the_worker_only_when_they_all_hold()
    {
        var nationalId = world.NationalIdOf("张玮");

        var held = Hits(await SearchAsync(Registry.Client, new { nationalId, statuses = new[] { "employedLocally" }, trade = "welder" }));
        var notHeld = Hits(await SearchAsync(Registry.Client, new { nationalId, statuses = new[] { "seekingWork" } }));

        Assert.Equal([world["张玮"]], held.Select(h => h.Id));
        Assert.Empty(notHeld);
    }

    [Fact]
    public async Task A_national_id_and_a_phone_of_two_different_workers_find_nobody()
    {
        var hits = Hits(await SearchAsync(Registry.Client, new { nationalId = world.NationalIdOf("张伟"), phone = "13900139002" }));
        var both = Hits(await SearchAsync(Registry.Client, new { nationalId = world.NationalIdOf("张伟"), phone = "13800138001" }));

        Assert.Empty(hits);
        Assert.Equal([world["张伟"]], both.Select(h => h.Id));
    }

    [Fact]
    public async Task Statuses_and_education_levels_each_match_any_of_their_values_and_all_criteria_must_hold()
    {
        var hits = Hits(await SearchAsync(Registry.Client, new { statuses = new[] { "seekingWork", "employedLocally" }, educations = new[] { "juniorHigh", "primary", "bachelor" } }));

        Assert.Equal([world["张伟"], world["章伟"]], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Return_dates_bound_the_period_inclusively()
    {
        var hits = Hits(await SearchAsync(Registry.Client, new { returnedFrom = "2025-03-01", returnedTo = "2025-06-15" }));

        Assert.Equal([world["张伟"], world["张玮"]], hits.Select(h => h.Id).Order());
    }

    [Theory]
    [InlineData("welder", null, new[] { "张伟", "张玮" })]
    [InlineData("welder", "intermediate", new[] { "张伟" })]
    [InlineData("electrician", "senior", new[] { "章伟" })]
    [InlineData("electrician", "technician", new string[0])]
    public async Task A_trade_finds_skills_at_the_minimum_level_or_above(string trade, string? minimumLevel, string[] expected)
    {
        var hits = Hits(await SearchAsync(Registry.Client, new { trade, minimumLevel }));

        Assert.Equal(expected.Select(key => world[key]).Order(), hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task An_intended_place_finds_workers_who_would_go_at_least_that_far()
    {
        var city = Hits(await SearchAsync(Registry.Client, new { intentionWhere = "city" }));
        var homeCounty = Hits(await SearchAsync(Registry.Client, new { intentionWhere = "homeCounty" }));

        Assert.Equal([world["张伟"], world["章伟"]], city.Select(h => h.Id).Order());
        Assert.Equal([world["张伟"], world["张玮"], world["章伟"]], homeCounty.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task An_intended_trade_finds_workers_who_want_a_job_in_it()
    {
        var hits = Hits(await SearchAsync(Registry.Client, new { intentionTrade = "welder", name = "张伟" }));

        Assert.Equal([world["张伟"], world["章伟"]], hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("{}", "$")]
    [InlineData("""{"limit":5}""", "$")]
    [InlineData("""{"name":" "}""", "name")]
    [InlineData("""{"name":"张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张"}""", "name")]
    [InlineData("""{"nationalId":"41992119900101123"}""", "nationalId")]
    [InlineData("""{"phone":"12345"}""", "phone")]
    [InlineData("""{"division":"123"}""", "division")]
    [InlineData("""{"trade":"astronaut"}""", "trade")]
    [InlineData("""{"intentionTrade":"astronaut"}""", "intentionTrade")]
    [InlineData("""{"name":"张伟","minimumLevel":"senior"}""", "minimumLevel")]
    [InlineData("""{"trade":"welder","minimumLevel":"none"}""", "minimumLevel")]
    [InlineData("""{"returnedFrom":"2025-02-01","returnedTo":"2025-01-01"}""", "returnedTo")]
    [InlineData("""{"name":"张伟","limit":0}""", "limit")]
    [InlineData("""{"name":"张伟","cursor":"not-a-cursor"}""", "cursor")]
    public async Task Invalid_criteria_answer_400_naming_the_field(string body, string field)
    {
        var response = await Registry.Client.PostAsync(Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_criterion_is_refused()
    {
        var response = await Registry.Client.PostAsJsonAsync(Path, new { name = "张伟", salary = 5000 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Searching_needs_the_read_scope()
    {
        var writer = Registry.ClientFor(Caller.Staff(SearchWorld.CountyA, Roles.CountyOfficer, Scopes.RegistryWrite));

        var response = await writer.PostAsJsonAsync(Path, new { name = "张伟" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<JsonElement> SearchAsync(HttpClient client, object criteria)
    {
        var response = await client.PostAsJsonAsync(Path, criteria);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static List<Hit> Hits(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => new Hit(
            item.GetProperty("worker").GetProperty("id").GetGuid(),
            item.GetProperty("match").GetString(),
            item.GetProperty("worker")))];

    private sealed record Hit(Guid Id, string? Match, JsonElement Worker);
}
