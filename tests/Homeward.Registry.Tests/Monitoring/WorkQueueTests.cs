using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>
/// An office's work queue holds open discrepancies, returned workers not yet visited and stale records of its
/// division, most urgent first, and only the few the office asked for.
/// </summary>
public sealed class WorkQueueTests(RegistryService registry) : IClassFixture<RegistryService>
{
    [Fact]
    public async Task The_queue_orders_discrepancies_unvisited_returns_and_stale_records_by_urgency()
    {
        const string township = "419921101000";
        const string village = "419921101203";
        var today = TimeProvider.System.Today();
        var disputed = await registry.Client.RegisterAsync(village, name: "争议者", education: "primary");
        var returned = await registry.Client.RegisterAsync(village, name: "归来者", returnedOn: today.AddDays(-25));
        var stale = await registry.Client.RegisterAsync(village, name: "久未见");
        var visited = await registry.Client.RegisterAsync(village, name: "已走访", returnedOn: today.AddDays(-40), source: "doorToDoorVisit");
        var upToDate = await registry.Client.RegisterAsync(village, name: "无事者");
        var discrepancyId = await registry.Client.DisagreeAsync(disputed, "education", "seniorHigh");
        await registry.Database.ExecuteAsAdminAsync(
            $"""
            UPDATE registry.discrepancies SET opened_at = now() - interval '10 days 1 hour' WHERE id = '{discrepancyId}';
            UPDATE registry.workers SET last_confirmed_at = now() - interval '200 days 1 hour' WHERE id = '{stale}';
            """);

        var queue = await registry.Client.WorkQueueAsync($"division={township}");

        Assert.Equal([returned, disputed, stale], queue.Select(i => i.GetProperty("workerId").GetGuid()));
        Assert.Equal(["newReturnWithoutVisit", "openDiscrepancy", "staleRecord"], queue.Select(i => i.GetProperty("reason").GetString()));
        Assert.Equal([20 + (2 * 25), 30 + (3 * 10), 10 + (200 - 180)], queue.Select(i => i.GetProperty("urgency").GetInt32()));
        Assert.Equal(["归来者", "争议者", "久未见"], queue.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(discrepancyId, queue[1].GetProperty("discrepancyId").GetGuid());
        Assert.Equal("education", queue[1].GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, queue[0].GetProperty("discrepancyId").ValueKind);
        Assert.Equal(today.AddDays(-25), CityCalendar.DayOf(queue[0].Time("since")));
        Assert.DoesNotContain(queue, i => i.GetProperty("workerId").GetGuid() == visited || i.GetProperty("workerId").GetGuid() == upToDate);
        Assert.All(queue, item => Assert.False(item.TryGetProperty("nationalId", out _)));
    }

    [Fact]
    public async Task The_limit_keeps_the_most_urgent_items_and_a_visit_takes_a_return_off_the_queue()
    {
        const string village = "419921102205";
        var today = TimeProvider.System.Today();
        var returns = new List<Guid>();
        foreach (var days in new[] { 3, 30, 12 })
        {
            returns.Add(await registry.Client.RegisterAsync(village, returnedOn: today.AddDays(-days)));
        }

        var topTwo = await registry.Client.WorkQueueAsync($"division={village}&limit=2");
        var visit = await registry.Client.PostAsync($"/api/registry/v1/workers/{returns[1]}/visits", null);
        var afterVisit = await registry.Client.WorkQueueAsync($"division={village}");

        Assert.Equal([returns[1], returns[2]], topTwo.Select(i => i.GetProperty("workerId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        Assert.Equal([returns[2], returns[0]], afterVisit.Select(i => i.GetProperty("workerId").GetGuid()));
    }

    [Fact]
    public async Task Without_a_division_the_queue_is_the_callers_and_an_invalid_request_is_refused()
    {
        const string village = "419921104203";
        var workerId = await registry.Client.RegisterAsync(village, returnedOn: TimeProvider.System.Today().AddDays(-2));
        var villageCollector = registry.ClientFor(MonitoringApi.Officer(village, Homeward.BuildingBlocks.Application.Security.Roles.VillageCollector));

        var response = await villageCollector.GetFromJsonAsync<JsonElement>("/api/registry/v1/work-queue");

        Assert.Equal(village, response.GetProperty("division").GetString());
        Assert.Equal(180, response.GetProperty("staleAfterDays").GetInt32());
        Assert.Equal([workerId], response.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("workerId").GetGuid()));
        Assert.Equal(["limit"], (await (await registry.Client.GetAsync("/api/registry/v1/work-queue?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["division"], (await (await registry.Client.GetAsync("/api/registry/v1/work-queue?division=12")).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
