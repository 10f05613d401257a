using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.JobMatching.Tests.Partners;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Fairs;

public sealed class JobFairTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
    private const string Fairs = JobMatchingApi.Root + "/job-fairs";

    [Fact]
    public async Task A_cross_region_fair_takes_its_partners_enterprises_checks_workers_in_and_turns_offers_into_recommendations_and_placements()
    {
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");
        var (fairId, vacancyId) = await CrossRegionFairAsync();
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", trade: "electrician"));
        var other = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", trade: "electrician"));

        Assert.Equal(HttpStatusCode.Created, (await jobMatching.Client.PostAsJsonAsync($"{Fairs}/{fairId}/check-ins", new { workerId })).StatusCode);
        await (await jobMatching.Client.PostAsJsonAsync($"{Fairs}/{fairId}/check-ins", new { workerId })).AssertProblemAsync(HttpStatusCode.Conflict);
        var offered = await jobMatching.Client.PostAsJsonAsync($"{Fairs}/{fairId}/offers", new { workerId, vacancyId });
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        var recommendation = await offered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("jobFair", recommendation.GetProperty("channel").GetString());
        var notCheckedIn = await (await jobMatching.Client.PostAsJsonAsync($"{Fairs}/{fairId}/offers", new { workerId = other, vacancyId }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("fair-worker-not-checked-in", notCheckedIn.GetRawText(), StringComparison.Ordinal);
        var placed = await jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { recommendationId = recommendation.GetProperty("id").GetGuid(), monthlyWage = 5800m, startDate = Today });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        var results = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Fairs}/{fairId}/results");

        Assert.Equal((1, 1, 1, 1, 1, 1), (
            results.GetProperty("employers").GetInt32(),
            results.GetProperty("vacancies").GetInt32(),
            results.GetProperty("checkIns").GetInt32(),
            results.GetProperty("offers").GetInt32(),
            results.GetProperty("placed").GetInt32(),
            results.GetProperty("crossRegionPlaced").GetInt32()));
        Assert.Equal(5800m, results.GetProperty("meanMonthlyWage").GetDecimal());
    }

    [Fact]
    public async Task Check_ins_offers_and_results_are_limited_to_the_callers_division()
    {
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");
        var (fairId, vacancyId) = await CrossRegionFairAsync();
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", trade: "electrician"));
        Assert.Equal(HttpStatusCode.Created, (await jobMatching.Client.PostAsJsonAsync($"{Fairs}/{fairId}/check-ins", new { workerId })).StatusCode);
        var otherCounty = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var ownTownship = jobMatching.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.JobMatchingRead));

        await (await otherCounty.PostAsJsonAsync($"{Fairs}/{fairId}/check-ins", new { workerId })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherCounty.PostAsJsonAsync($"{Fairs}/{fairId}/offers", new { workerId, vacancyId })).AssertProblemAsync(HttpStatusCode.NotFound);
        var hidden = await otherCounty.GetFromJsonAsync<JsonElement>($"{Fairs}/{fairId}/check-ins");
        var shown = await ownTownship.GetFromJsonAsync<JsonElement>($"{Fairs}/{fairId}/check-ins");
        var hiddenResults = await otherCounty.GetFromJsonAsync<JsonElement>($"{Fairs}/{fairId}/results");

        Assert.Empty(hidden.EnumerateArray());
        Assert.Equal(workerId, Assert.Single(shown.EnumerateArray()).GetProperty("workerId").GetGuid());
        Assert.Equal(0, hiddenResults.GetProperty("checkIns").GetInt32());
        var foreignFair = await otherCounty.PostAsJsonAsync(Fairs, new { title = "县招聘会", date = Today, place = "县体育馆", kind = "local" });
        Assert.Equal(HttpStatusCode.Created, foreignFair.StatusCode);
        var (fair, etag) = await jobMatching.Client.ReadAsync($"{Fairs}/{(await foreignFair.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        var township = jobMatching.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.JobMatchingWrite));
        await (await township.SendWithIfMatchAsync(HttpMethod.Post, $"{Fairs}/{fair.GetProperty("id").GetGuid()}/participants", new { employerId = Guid.NewGuid() }, etag))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_fair_names_its_fields_when_wrong_and_a_cross_region_fair_refuses_a_local_employer()
    {
        var bad = await (await jobMatching.Client.PostAsJsonAsync(Fairs, new { title = "", place = "", kind = "crossRegion" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "title", "date", "place", "partnerCity" }, bad.ErrorFields().ToHashSet());
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");
        var (fairId, _) = await CrossRegionFairAsync();
        var local = await jobMatching.Client.CreateEmployerAsync();
        var (_, etag) = await jobMatching.Client.ReadAsync($"{Fairs}/{fairId}");

        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Fairs}/{fairId}/participants", new { employerId = local.GetProperty("id").GetGuid() }, null))
            .AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var refused = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Fairs}/{fairId}/participants", new { employerId = local.GetProperty("id").GetGuid() }, etag))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("fair-employer-not-of-partner-city", refused.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>A cross-region fair with Beijing, organised by the city, with one Beijing enterprise and one of its vacancies.</summary>
    private async Task<(Guid FairId, Guid VacancyId)> CrossRegionFairAsync()
    {
        var planned = await jobMatching.Client.PostAsJsonAsync(Fairs, new { title = "京示劳务对接会", date = Today, place = "市人力资源市场", kind = "crossRegion", partnerCity = "beijing" });
        Assert.True(planned.StatusCode == HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        var fairId = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var enterprise = await jobMatching.Client.CreateEmployerAsync(PartnerApi.Enterprise("beijing"));
        var vacancy = await jobMatching.Client.CreateVacancyAsync(JobMatchingApi.Vacancy(enterprise.GetProperty("id").GetGuid(), "electrician"));
        var vacancyId = vacancy.GetProperty("id").GetGuid();
        var joined = await jobMatching.Client.SendWithIfMatchAsync(
            HttpMethod.Post, $"{Fairs}/{fairId}/participants", new { employerId = enterprise.GetProperty("id").GetGuid(), vacancyIds = new[] { vacancyId } }, planned.Headers.ETag!.Tag);
        Assert.True(joined.StatusCode == HttpStatusCode.OK, await joined.Content.ReadAsStringAsync());
        return (fairId, vacancyId);
    }
}
