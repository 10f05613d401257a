using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Organizations;

namespace Homeward.EndToEnd.Tests;

/// <summary>Records the end-to-end tests create through the gateway's public API, as an office would.</summary>
internal static class CitySeeding
{
    public const string Village = "419921101201";

    /// <summary>Registers a welder of intermediate level, with or without the certificate of that level, and returns the worker's id.</summary>
    public static async Task<Guid> RegisterWelderAsync(HttpClient staff, string nationalId, string name, string phone, bool certified)
    {
        var registered = await staff.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId,
            name,
            phone,
            householdDivision = Village,
            education = "seniorHigh",
            skills = new[] { new { tradeCode = "welder", level = "intermediate" } },
            certificates = certified
                ? new[] { new { number = $"HG-{nationalId[^6..]}", kind = "skillLevel", tradeCode = "welder", level = "intermediate", issuer = "示范市人社局", issuedOn = "2024-06-01" } }
                : [],
            jobIntention = new { trades = new[] { "welder" }, where = "city", minimumMonthlyWage = 4500m, busyMonths = Array.Empty<object>(), mustStayNearFamily = false },
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A local employer with an open vacancy for two intermediate welders holding the certificate; returns the vacancy's id.</summary>
    public static async Task<Guid> PostWelderVacancyAsync(HttpClient staff)
    {
        var organisation = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var creditCode = "91419921" + organisation;
        creditCode += UnifiedSocialCreditCode.ComputeCheckCharacter(creditCode);
        var employer = await staff.PostAsJsonAsync("/api/job-matching/v1/employers", new
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
        var vacancy = await staff.PostAsJsonAsync("/api/job-matching/v1/vacancies", new
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
            validThrough = TimeProvider.System.Today().AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.True(vacancy.StatusCode == HttpStatusCode.Created, await vacancy.Content.ReadAsStringAsync());
        return (await vacancy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Records that the vacancy was recommended to the worker; returns the recommendation's id.</summary>
    public static async Task<Guid> RecommendAsync(HttpClient staff, Guid workerId, Guid vacancyId)
    {
        var recommended = await staff.PostAsJsonAsync("/api/job-matching/v1/recommendations", new { workerId, vacancyId });
        Assert.True(recommended.StatusCode == HttpStatusCode.Created, await recommended.Content.ReadAsStringAsync());
        return (await recommended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Hires the recommended worker from tomorrow at the given wage.</summary>
    public static async Task PlaceAsync(HttpClient staff, Guid recommendationId, decimal monthlyWage)
    {
        var startDate = TimeProvider.System.Today().AddDays(1).ToString("yyyy-MM-dd");
        var placed = await staff.PostAsJsonAsync("/api/job-matching/v1/placements", new { recommendationId, monthlyWage, startDate });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
    }
}
