using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Organizations;

namespace Homeward.JobMatching.Tests;

/// <summary>Requests the tests make again and again: an employer, a vacancy, reads with their ETags.</summary>
internal static class JobMatchingApi
{
    public const string Root = "/api/job-matching/v1";

    public static string NewCreditCode()
    {
        var organisation = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var first17 = "91419900" + organisation;
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    public static object LocalEmployer(string division = "419921101201", string? creditCode = null) => new
    {
        name = "示范市精工机械有限公司",
        creditCode = creditCode ?? NewCreditCode(),
        locality = "local",
        division,
        industry = "C",
        size = "medium",
        contacts = new[] { new { name = "刘经理", role = "人事", phone = "13812345678" } },
    };

    public static async Task<JsonElement> CreateEmployerAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"{Root}/employers", body ?? LocalEmployer());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A batch of recommendations or hires, which answers 200 with a result per item.</summary>
    public static async Task<JsonElement> PostBatchAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Dictionary<string, object?> Vacancy(Guid employerId, string tradeCode = "welder", int headcount = 3) => new()
    {
        ["employerId"] = employerId,
        ["title"] = "焊工",
        ["tradeCode"] = tradeCode,
        ["requiredLevel"] = "intermediate",
        ["requiredCertificates"] = new[] { new { tradeCode, level = "intermediate" } },
        ["minimumEducation"] = "juniorHigh",
        ["headcount"] = headcount,
        ["wageMin"] = 4000m,
        ["wageMax"] = 6000m,
        ["accommodation"] = true,
        ["validThrough"] = TimeProvider.System.Today().AddDays(30).ToString("yyyy-MM-dd"),
    };

    public static async Task<JsonElement> CreateVacancyAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync($"{Root}/vacancies", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A vacancy of a new local employer in <paramref name="division"/>.</summary>
    public static async Task<JsonElement> CreateVacancyAsync(this HttpClient client, string division = "419921101201", string tradeCode = "welder", int headcount = 3)
    {
        var employer = await client.CreateEmployerAsync(LocalEmployer(division));
        return await client.CreateVacancyAsync(Vacancy(employer.GetProperty("id").GetGuid(), tradeCode, headcount));
    }

    public static async Task<(JsonElement Body, string ETag)> ReadAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
    }

    public static Task<HttpResponseMessage> SendWithIfMatchAsync(this HttpClient client, HttpMethod method, string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }
}
