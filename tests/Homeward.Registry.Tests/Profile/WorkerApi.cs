using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homeward.Registry.Tests.Profile;

/// <summary>The requests the profile and status tests make, and a complete valid profile to start from.</summary>
public static class WorkerApi
{
    public const string Workers = "/api/registry/v1/workers";
    public const string Village = "419921101201";

    /// <summary>Every group of the profile filled in, valid; a test changes the member it is about.</summary>
    public static JsonObject FullProfile(string nationalId, string village = Village) => JsonNode.Parse(
        $$"""
        {
          "nationalId": "{{nationalId}}",
          "name": "张伟",
          "phone": "13812345678",
          "householdDivision": "{{village}}",
          "residence": { "division": "110105000000", "address": "北京市朝阳区建国路 1 号" },
          "education": "juniorHigh",
          "skills": [ { "tradeCode": "welder", "level": "intermediate" }, { "tradeCode": "electrician", "level": "junior" } ],
          "certificates": [
            { "number": "S2020-0001", "kind": "skillLevel", "tradeCode": "welder", "level": "intermediate", "issuer": "河东县人力资源和社会保障局", "issuedOn": "2020-05-01" }
          ],
          "priorWork": [ { "region": "110000", "industry": "E", "years": 6.5 }, { "region": "120000", "industry": "C", "years": 2 } ],
          "return": { "returnedOn": "2025-12-20", "reason": "familyCare" },
          "jobIntention": {
            "trades": [ "welder", "electrician" ],
            "where": "homeCounty",
            "minimumMonthlyWage": 4500.50,
            "availableFrom": "2026-03-01",
            "busyMonths": [ { "from": 11, "to": 2 }, { "from": 6, "to": 6 } ],
            "mustStayNearFamily": true
          },
          "entrepreneurship": { "interested": true, "industry": "A", "description": "养殖合作社", "needsFunding": true },
          "trainingNeeds": [ "e-commerce" ],
          "family": { "householdSize": 5, "dependentChildren": 2, "dependentElderly": 1, "lowIncome": false, "monitored": true }
        }
        """)!.AsObject();

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, JsonObject body) =>
        client.PostAsync(Workers, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> RegisterFullAsync(HttpClient client, string village = Village)
    {
        var response = await RegisterAsync(client, FullProfile(NationalIds.Next(), village));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> RegisterMinimalAsync(HttpClient client, string village = Village, string? status = null)
    {
        var body = new JsonObject { ["nationalId"] = NationalIds.Next(), ["name"] = "李娜", ["householdDivision"] = village };
        if (status is not null)
        {
            body["status"] = status;
        }

        var response = await RegisterAsync(client, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<(JsonElement Worker, string ETag)> GetAsync(HttpClient client, Guid workerId)
    {
        var response = await client.GetAsync($"{Workers}/{workerId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
    }

    public static async Task<string> ETagOfAsync(HttpClient client, Guid workerId) => (await GetAsync(client, workerId)).ETag;

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid workerId, string? etag, string json) =>
        SendAsync(client, HttpMethod.Patch, $"{Workers}/{workerId}", etag, json);

    public static Task<HttpResponseMessage> ChangeStatusAsync(HttpClient client, Guid workerId, string? etag, string json) =>
        SendAsync(client, HttpMethod.Post, $"{Workers}/{workerId}/status", etag, json);

    public static async Task<List<Guid>> IdsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? etag, string json)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return client.SendAsync(request);
    }
}
