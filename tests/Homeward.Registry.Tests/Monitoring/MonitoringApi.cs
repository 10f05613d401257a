using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>The requests the monitoring tests make, spelled once.</summary>
internal static class MonitoringApi
{
    public const string CountyA = "419921000000";
    public const string CountyB = "419922000000";

    public static readonly string[] StaffScopes = [Scopes.RegistryRead, Scopes.RegistryWrite];

    public static Caller Officer(string division, string role = Roles.CountyOfficer) => Caller.Staff(division, role, StaffScopes);

    public static async Task<Guid> RegisterAsync(
        this HttpClient client,
        string village,
        string name = "李建国",
        string? phone = null,
        string? education = null,
        string? residence = null,
        DateOnly? returnedOn = null,
        string? status = null,
        string? source = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["nationalId"] = NationalIds.Next(),
            ["name"] = name,
            ["householdDivision"] = village,
            ["phone"] = phone,
            ["education"] = education,
            ["residence"] = residence is null ? null : new { division = residence, address = "幸福路 8 号" },
            ["return"] = returnedOn is { } on ? new { returnedOn = on, reason = "jobLoss" } : null,
            ["status"] = status,
            ["source"] = source,
        };
        var response = await client.PostAsJsonAsync("/api/registry/v1/workers", body.Where(p => p.Value is not null).ToDictionary());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> ObserveAsync(
        this HttpClient client,
        Guid workerId,
        string field,
        string value,
        string source = "phoneCall",
        DateTimeOffset? observedAt = null) =>
        client.PostAsJsonAsync($"/api/registry/v1/workers/{workerId}/observations", new { field, value, source, observedAt });

    public static async Task<JsonElement> ObservedAsync(
        this HttpClient client,
        Guid workerId,
        string field,
        string value,
        string source = "phoneCall",
        DateTimeOffset? observedAt = null)
    {
        var response = await client.ObserveAsync(workerId, field, value, source, observedAt);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Opens a discrepancy by reporting a value that differs from the record, and returns its id.</summary>
    public static async Task<Guid> DisagreeAsync(this HttpClient client, Guid workerId, string field, string value, string source = "phoneCall")
    {
        var observation = await client.ObservedAsync(workerId, field, value, source);
        Assert.Equal("disagreed", observation.GetProperty("outcome").GetString());
        return observation.GetProperty("discrepancyId").GetGuid();
    }

    public static Task<HttpResponseMessage> ResolveAsync(this HttpClient client, Guid discrepancyId, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/v1/discrepancies/{discrepancyId}/resolution")
        {
            Content = JsonContent.Create(body),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return client.SendAsync(request);
    }

    /// <summary>Reads the discrepancy for its ETag and resolves it.</summary>
    public static async Task<HttpResponseMessage> ResolveCurrentAsync(this HttpClient client, Guid discrepancyId, object body)
    {
        var current = await client.GetAsync($"/api/registry/v1/discrepancies/{discrepancyId}");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        return await client.ResolveAsync(discrepancyId, current.Headers.ETag!.Tag, body);
    }

    public static async Task<JsonElement> WorkerAsync(this HttpClient client, Guid workerId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{workerId}");

    public static async Task<JsonElement> DiscrepancyAsync(this HttpClient client, Guid discrepancyId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/discrepancies/{discrepancyId}");

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient client, Guid workerId, params string[] correctedFields) =>
        client.PostAsJsonAsync($"/api/registry/v1/workers/{workerId}/verifications", new { source = "phoneCall", correctedFields });

    public static async Task<List<Guid>> DiscrepancyIdsAsync(this HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/discrepancies?limit=200{query}");
        return page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
    }

    public static async Task<List<JsonElement>> WorkQueueAsync(this HttpClient client, string query = "limit=200")
    {
        var queue = await client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/work-queue?{query}");
        return queue.GetProperty("items").EnumerateArray().ToList();
    }

    public static DateTimeOffset Time(this JsonElement element, string property) => element.GetProperty(property).GetDateTimeOffset();
}
