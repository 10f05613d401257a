using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel.Organizations;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// A worker's way from registration to a job, through the gateway and the real processes: Registry → RabbitMQ →
/// JobMatching (candidate, match, recommendation, placement) → RabbitMQ → Registry (employment status) → JobMatching.
/// </summary>
public sealed class JobMatchingJourneyTests(Platform platform) : IClassFixture<Platform>
{
    private const string Village = "419921101201";

    [Fact]
    public async Task A_registered_worker_is_matched_recommended_and_placed_and_the_registry_records_the_employment()
    {
        var nationalId = SliceTests.NewNationalId();
        var registered = await platform.Admin.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId,
            name = "郑焊工",
            phone = "13912345678",
            householdDivision = Village,
            education = "seniorHigh",
            skills = new[] { new { tradeCode = "welder", level = "intermediate" } },
            certificates = new[] { new { number = "HG-2024-0001", kind = "skillLevel", tradeCode = "welder", level = "intermediate", issuer = "示范市人社局", issuedOn = "2024-06-01" } },
            jobIntention = new { trades = new[] { "welder" }, where = "city", minimumMonthlyWage = 4500m, busyMonths = Array.Empty<object>(), mustStayNearFamily = false },
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var workerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var candidate = await Eventually.MatchesAsync(
            () => platform.Admin.GetAsync($"/api/job-matching/v1/candidates/{workerId}"),
            response => response.StatusCode == HttpStatusCode.OK,
            "the candidate to appear in job matching");
        var candidateBody = await candidate.Content.ReadAsStringAsync();
        Assert.DoesNotContain(nationalId, candidateBody, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", candidateBody, StringComparison.Ordinal);

        var vacancyId = await PostVacancyAsync();
        var matches = await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/job-matching/v1/candidates/{workerId}/matches");
        var hit = matches.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("vacancyId").GetGuid() == vacancyId);
        Assert.Equal(100, hit.GetProperty("score").GetDouble(), 0.01);

        var recommended = await platform.Admin.PostAsJsonAsync("/api/job-matching/v1/recommendations", new { workerId, vacancyId });
        Assert.True(recommended.StatusCode == HttpStatusCode.Created, await recommended.Content.ReadAsStringAsync());
        var recommendationId = (await recommended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var startDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd");
        var placed = await platform.Admin.PostAsJsonAsync("/api/job-matching/v1/placements", new { recommendationId, monthlyWage = 5500m, startDate });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());

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

    private async Task<Guid> PostVacancyAsync()
    {
        var organisation = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var creditCode = "91419921" + organisation;
        creditCode += UnifiedSocialCreditCode.ComputeCheckCharacter(creditCode);
        var employer = await platform.Admin.PostAsJsonAsync("/api/job-matching/v1/employers", new
        {
            name = "河东县精密焊接有限公司",
            creditCode,
            locality = "local",
            division = Village,
            industry = "C",
            size = "small",
            contacts = new[] { new { name = "吴经理", phone = "13712345678" } },
        });
        Assert.True(employer.StatusCode == HttpStatusCode.Created, await employer.Content.ReadAsStringAsync());
        var vacancy = await platform.Admin.PostAsJsonAsync("/api/job-matching/v1/vacancies", new
        {
            employerId = (await employer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            title = "二保焊工",
            tradeCode = "welder",
            requiredLevel = "intermediate",
            requiredCertificates = new[] { new { tradeCode = "welder", level = "intermediate" } },
            minimumEducation = "juniorHigh",
            headcount = 2,
            wageMin = 5000m,
            wageMax = 6500m,
            accommodation = true,
            validThrough = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
        });
        Assert.True(vacancy.StatusCode == HttpStatusCode.Created, await vacancy.Content.ReadAsStringAsync());
        return (await vacancy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
