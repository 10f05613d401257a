using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Reports;

public sealed class KpiTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string Township = "419921102000";
    private const string Village = "419921102201";
    private static readonly string Today = TimeProvider.System.Today().ToString("yyyy-MM-dd");

    [Fact]
    public async Task Kpis_count_recommended_workers_those_placed_local_and_cross_region_placements_wages_and_open_headcount()
    {
        var township = jobMatching.ClientFor(Caller.Staff(Township, Roles.TownshipOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var a = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), Village);
        var b = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), Village);
        var c = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), Village);
        var local = (await township.CreateVacancyAsync(Village)).GetProperty("id").GetGuid();
        var partnerEmployer = await township.CreateEmployerAsync(new
        {
            name = "天津某物流园",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "tianjin",
            industry = "G",
            size = "large",
        });
        var partner = (await township.CreateVacancyAsync(JobMatchingApi.Vacancy(partnerEmployer.GetProperty("id").GetGuid(), "logistics"))).GetProperty("id").GetGuid();

        var recommendationOfA = await RecommendAsync(township, a, local);
        await RecommendAsync(township, b, local);
        await RecommendAsync(township, b, partner);
        await PlaceAsync(township, new { recommendationId = recommendationOfA, monthlyWage = 5000m, startDate = Today });
        await PlaceAsync(township, new { vacancyId = partner, workerId = b, monthlyWage = 6000m, startDate = Today });
        await PlaceAsync(township, new { vacancyId = local, workerId = c, monthlyWage = 4000m, startDate = Today });

        var kpis = await township.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/kpis?from={Today}&to={Today}");

        Assert.Equal(Township, kpis.GetProperty("division").GetString());
        Assert.Equal(2, kpis.GetProperty("workersRecommended").GetInt32());
        Assert.Equal(2, kpis.GetProperty("workersPlacedAmongRecommended").GetInt32());
        Assert.Equal(1m, kpis.GetProperty("employmentRate").GetDecimal());
        var placements = kpis.GetProperty("placements");
        Assert.Equal(3, placements.GetProperty("total").GetInt32());
        Assert.Equal(2, placements.GetProperty("local").GetInt32());
        Assert.Equal(1, placements.GetProperty("crossRegion").GetInt32());
        Assert.Equal(0.6667m, placements.GetProperty("localShare").GetDecimal());
        Assert.Equal(5000m, placements.GetProperty("meanMonthlyWage").GetDecimal());
        var byTrade = kpis.GetProperty("openHeadcountByTrade").EnumerateArray().ToDictionary(t => t.GetProperty("tradeCode").GetString()!);
        Assert.Equal(3, byTrade["welder"].GetProperty("openHeadcount").GetInt32());
        Assert.Equal(1, byTrade["welder"].GetProperty("unfilled").GetInt32());
        Assert.Equal(2, byTrade["logistics"].GetProperty("unfilled").GetInt32());

        var later = await township.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/kpis?from={TimeProvider.System.Today().AddDays(1):yyyy-MM-dd}&to={TimeProvider.System.Today().AddDays(2):yyyy-MM-dd}");
        Assert.Equal(0, later.GetProperty("workersRecommended").GetInt32());
        Assert.Equal(JsonValueKind.Null, later.GetProperty("employmentRate").ValueKind);
        Assert.Equal(0, later.GetProperty("placements").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Kpis_of_a_division_outside_the_callers_are_refused_and_bad_parameters_are_named()
    {
        var county = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead));

        await (await county.GetAsync($"{JobMatchingApi.Root}/kpis?division={Township}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var badDivision = await (await county.GetAsync($"{JobMatchingApi.Root}/kpis?division=12345")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("division", badDivision.ErrorFields());
        var badPeriod = await (await county.GetAsync($"{JobMatchingApi.Root}/kpis?from=2026-02-01&to=2026-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("to", badPeriod.ErrorFields());
        var badDate = await (await county.GetAsync($"{JobMatchingApi.Root}/kpis?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from", badDate.ErrorFields());
        await (await jobMatching.ClientFor(Caller.App(Scopes.JobMatchingRead)).GetAsync($"{JobMatchingApi.Root}/kpis")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> RecommendAsync(HttpClient client, Guid workerId, Guid vacancyId)
    {
        var response = await client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task PlaceAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
