using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Kpis;

/// <summary>The registry's figures for a division and period, counted from its own data as DOMAIN.md defines them.</summary>
public sealed class KpiTests(KpiWorld world) : IClassFixture<KpiWorld>
{
    private static readonly string LastWeek = $"{KpiWorld.Today.AddDays(-7):yyyy-MM-dd}";

    [Fact]
    public async Task The_figures_of_a_county_for_a_period()
    {
        var kpis = await KpisAsync(world.Registry.Client, $"?division={KpiWorld.County}&from={LastWeek}");

        Assert.Equal(KpiWorld.County, kpis.GetProperty("division").GetString());
        Assert.Equal(LastWeek, kpis.GetProperty("from").GetString());
        Assert.Equal($"{KpiWorld.Today:yyyy-MM-dd}", kpis.GetProperty("to").GetString());
        Assert.Equal(5, kpis.GetProperty("registered").GetProperty("total").GetInt32());
        Assert.Equal(4, kpis.GetProperty("registered").GetProperty("inPeriod").GetInt32());
        Assert.Equal(
            """{"seekingWork":1,"employedLocally":2,"employedElsewhere":0,"selfEmployed":1,"inTraining":0,"notInLabourForce":1}""",
            kpis.GetProperty("byStatus").GetRawText());
        var education = kpis.GetProperty("education");
        Assert.Equal(1, education.GetProperty("byLevel").GetProperty("juniorHigh").GetInt32());
        Assert.Equal(1, education.GetProperty("byLevel").GetProperty("primary").GetInt32());
        Assert.Equal(0, education.GetProperty("byLevel").GetProperty("none").GetInt32());
        Assert.Equal(1, education.GetProperty("notRecorded").GetInt32());
        Assert.Equal(2, education.GetProperty("juniorHighOrLess").GetInt32());
        Assert.Equal(0.5m, education.GetProperty("juniorHighOrLessShare").GetDecimal());
        Assert.Equal(3, kpis.GetProperty("certificates").GetProperty("without").GetInt32());
        Assert.Equal(0.6m, kpis.GetProperty("certificates").GetProperty("withoutShare").GetDecimal());
        Assert.Equal(4, kpis.GetProperty("recordsUpdated").GetInt32());
    }

    [Fact]
    public async Task The_employment_rate_counts_recommended_workers_later_placed_through_the_platform()
    {
        var period = (await KpisAsync(world.Registry.Client, $"?division={KpiWorld.County}&from={LastWeek}")).GetProperty("employment");
        var allTime = (await KpisAsync(world.Registry.Client, $"?division={KpiWorld.County}")).GetProperty("employment");

        // Recommended this week: a placement, a business and a placement of a worker recorded outside the labour force
        // count; a job recorded by staff does not.
        Assert.Equal(4, period.GetProperty("recommended").GetInt32());
        Assert.Equal(3, period.GetProperty("placed").GetInt32());
        Assert.Equal(0.75m, period.GetProperty("rate").GetDecimal());
        // Since the beginning, also the worker recommended in 2024 after a placement that had started before.
        Assert.Equal(5, allTime.GetProperty("recommended").GetInt32());
        Assert.Equal(3, allTime.GetProperty("placed").GetInt32());
        Assert.Equal(0.6m, allTime.GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task Accuracy_is_confirmed_over_verified_in_the_period_and_null_without_verifications()
    {
        var period = (await KpisAsync(world.Registry.Client, $"?division={KpiWorld.County}&from={LastWeek}")).GetProperty("accuracy");
        var allTime = (await KpisAsync(world.Registry.Client, $"?division={KpiWorld.County}")).GetProperty("accuracy");
        var unverified = (await KpisAsync(world.Registry.Client, $"?division={KpiWorld.TownshipOfVillage2}")).GetProperty("accuracy");

        Assert.Equal("""{"verified":4,"confirmed":3,"rate":0.75}""", period.GetRawText());
        Assert.Equal("""{"verified":5,"confirmed":4,"rate":0.8}""", allTime.GetRawText());
        Assert.Equal("""{"verified":0,"confirmed":0,"rate":null}""", unverified.GetRawText());
    }

    [Fact]
    public async Task A_period_before_any_record_counts_the_division_as_it_is_but_nothing_in_the_period()
    {
        var kpis = await KpisAsync(world.Registry.Client, $"?division={KpiWorld.County}&from=2020-01-01&to=2020-12-31");

        Assert.Equal(5, kpis.GetProperty("registered").GetProperty("total").GetInt32());
        Assert.Equal(0, kpis.GetProperty("registered").GetProperty("inPeriod").GetInt32());
        Assert.Equal(0, kpis.GetProperty("recordsUpdated").GetInt32());
        Assert.Equal("""{"recommended":0,"placed":0,"rate":null}""", kpis.GetProperty("employment").GetRawText());
    }

    [Fact]
    public async Task County_staff_get_their_county_by_default()
    {
        var officer = world.Registry.ClientFor(Caller.Staff(KpiWorld.County, Roles.CountyOfficer, Scopes.RegistryRead));

        var kpis = await KpisAsync(officer, string.Empty);

        Assert.Equal(KpiWorld.County, kpis.GetProperty("division").GetString());
        Assert.Equal(5, kpis.GetProperty("registered").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_whole_city_counts_every_county()
    {
        var kpis = await KpisAsync(world.Registry.Client, string.Empty);

        Assert.Equal(6, kpis.GetProperty("registered").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(KpiWorld.OtherCounty)]
    [InlineData("419900000000")]
    public async Task A_division_outside_the_callers_is_refused(string division)
    {
        var officer = world.Registry.ClientFor(Caller.Staff(KpiWorld.County, Roles.CountyOfficer, Scopes.RegistryRead));

        var response = await officer.GetAsync($"/api/registry/v1/kpis?division={division}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("?division=12345", "division")]
    [InlineData("?from=2025-02-01&to=2025-01-31", "to")]
    public async Task Invalid_parameters_answer_400_naming_them(string query, string field)
    {
        var response = await world.Registry.Client.GetAsync($"/api/registry/v1/kpis{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    private static async Task<JsonElement> KpisAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/registry/v1/kpis{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
