using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// A worker's way from registration to a job, through the gateway and the real processes: Registry → RabbitMQ →
/// JobMatching (candidate, match, recommendation, placement) → RabbitMQ → Registry (employment status) → JobMatching.
/// </summary>
public sealed class JobMatchingJourneyTests(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task A_registered_worker_is_matched_recommended_and_placed_and_the_registry_records_the_employment()
    {
        var nationalId = SliceTests.NewNationalId();
        var workerId = await CitySeeding.RegisterWelderAsync(platform.Admin, nationalId, "郑焊工", "13912345678", certified: true);

        var candidate = await Eventually.MatchesAsync(
            () => platform.Admin.GetAsync($"/api/job-matching/v1/candidates/{workerId}"),
            response => response.StatusCode == HttpStatusCode.OK,
            "the candidate to appear in job matching");
        var candidateBody = await candidate.Content.ReadAsStringAsync();
        Assert.DoesNotContain(nationalId, candidateBody, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", candidateBody, StringComparison.Ordinal);

        var vacancyId = await CitySeeding.PostWelderVacancyAsync(platform.Admin);
        var matches = await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/job-matching/v1/candidates/{workerId}/matches");
        var hit = matches.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("vacancyId").GetGuid() == vacancyId);
        Assert.Equal(100, hit.GetProperty("score").GetDouble(), 0.01);

        var recommendationId = await CitySeeding.RecommendAsync(platform.Admin, workerId, vacancyId);
        await CitySeeding.PlaceAsync(platform.Admin, recommendationId, 5500m);

        await Eventually.MatchesAsync(
            async () => (await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{workerId}")).GetProperty("status").GetString(),
            status => status == "employedLocally",
            "the registry to record the worker as employed locally");
        await Eventually.MatchesAsync(
            async () => (await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/job-matching/v1/candidates/{workerId}")).GetProperty("status").GetString(),
            status => status == "employedLocally",
            "job matching to learn the new status from the registry");
        var after = await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/job-matching/v1/candidates/{workerId}/matches");
        Assert.Equal(0, after.GetProperty("items").GetArrayLength());
    }
}
