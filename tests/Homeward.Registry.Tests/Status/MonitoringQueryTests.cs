using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Tests.Profile;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Homeward.Registry.Tests.Status;

/// <summary>
/// Dynamic monitoring: which records changed since a time, which status changes were recorded since a time, and which
/// records nobody confirmed for N days — each in a stable order with cursor paging, each limited to the caller's division.
/// Each test moves its own workers' timestamps into a period of its own, so the tests do not see each other's workers.
/// </summary>
public sealed class MonitoringQueryTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string CountyA = "419921000000";
    private const string CountyB = "419922000000";
    private const string TownshipA1 = "419921101000";

    private HttpClient CountyAOfficer => registry.ClientFor(Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.RegistryRead));

    private HttpClient TownshipA1Officer => registry.ClientFor(Caller.Staff(TownshipA1, Roles.TownshipOfficer, Scopes.RegistryRead));

    [Fact]
    public async Task Changed_workers_come_oldest_change_first_and_a_worker_changed_while_paging_moves_to_the_end()
    {
        const string village = "419921103201";
        var since = Era(2001);
        var workers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = await WorkerApi.RegisterMinimalAsync(registry.Client, village);
            workers.Add(id);
            await SetAsync(id, "updated_at", since.AddMinutes(i + 1));
        }

        // Two changes at the same instant are ordered by id.
        await SetAsync(workers[4], "updated_at", since.AddMinutes(4));
        var expected = workers.Take(3).Concat(workers.Skip(3).OrderBy(id => id.ToString(), StringComparer.Ordinal)).ToList();
        var path = $"{WorkerApi.Workers}/changes?since={UrlTime(since)}&division={village}&limit=2";

        var first = await PageAsync(registry.Client, path);
        // Concurrent writes while the client pages: a worker already listed and one still to come both change again.
        await SetAsync(expected[0], "updated_at", since.AddMinutes(30));
        await SetAsync(expected[3], "updated_at", since.AddMinutes(31));
        var second = await PageAsync(registry.Client, $"{path}&cursor={first.Cursor}");
        var third = await PageAsync(registry.Client, $"{path}&cursor={second.Cursor}");

        Assert.Equal(expected[..2], first.Ids);
        Assert.Equal([expected[2], expected[4]], second.Ids);
        Assert.Equal([expected[0], expected[3]], third.Ids);
        Assert.Null(third.Cursor);
        var item = (await registry.Client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items")[0];
        Assert.Equal(expected[1], item.GetProperty("id").GetGuid());
        Assert.Equal("李娜", item.GetProperty("name").GetString());
        Assert.Equal("seekingWork", item.GetProperty("status").GetString());
        Assert.Equal(village, item.GetProperty("householdDivision").GetString());
        Assert.Equal(since.AddMinutes(2), item.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_change_is_listed_once_it_has_settled_for_a_few_seconds()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var service = registry.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", registry.Tokens.TokenFor(Caller.CityAdmin()));
        var since = clock.GetUtcNow().AddMinutes(-1);
        var id = await WorkerApi.RegisterMinimalAsync(client, "419921103202");
        var change = await WorkerApi.ChangeStatusAsync(client, id, await WorkerApi.ETagOfAsync(client, id), """{ "status": "inTraining" }""");
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var workersPath = $"{WorkerApi.Workers}/changes?since={UrlTime(since)}&limit=200";
        var statusPath = $"/api/registry/v1/status-changes?since={UrlTime(since)}&limit=200";

        var workersAtOnce = await WorkerApi.IdsAsync(client, workersPath);
        var statusAtOnce = await WorkerIdsAsync(client, statusPath);
        clock.Advance(TimeSpan.FromSeconds(6));
        var workersLater = await WorkerApi.IdsAsync(client, workersPath);
        var statusLater = await WorkerIdsAsync(client, statusPath);

        Assert.DoesNotContain(id, workersAtOnce);
        Assert.DoesNotContain(id, statusAtOnce);
        Assert.Contains(id, workersLater);
        Assert.Equal(2, statusLater.Count(worker => worker == id));
    }

    [Fact]
    public async Task Staff_see_changes_of_their_own_division_only()
    {
        var since = Era(2002);
        var inA1 = await RegisterAtAsync("419921101203", "updated_at", since.AddMinutes(1));
        var inA2 = await RegisterAtAsync("419921102203", "updated_at", since.AddMinutes(2));
        var inB = await RegisterAtAsync("419922101203", "updated_at", since.AddMinutes(3));
        var path = $"{WorkerApi.Workers}/changes?since={UrlTime(since)}&limit=200";

        var city = await WorkerApi.IdsAsync(registry.Client, path);
        var county = await WorkerApi.IdsAsync(CountyAOfficer, path);
        var township = await WorkerApi.IdsAsync(TownshipA1Officer, path);
        var countyAskingForB = await WorkerApi.IdsAsync(CountyAOfficer, $"{path}&division={CountyB}");
        var countyNarrowed = await WorkerApi.IdsAsync(CountyAOfficer, $"{path}&division=419921102000");

        Assert.Equal([inA1, inA2, inB], city.Take(3));
        Assert.Equal([inA1, inA2], county.Take(2));
        Assert.DoesNotContain(inB, county);
        Assert.Equal(inA1, township[0]);
        Assert.DoesNotContain(inA2, township);
        Assert.DoesNotContain(inB, township);
        Assert.Empty(countyAskingForB);
        Assert.Equal(inA2, countyNarrowed[0]);
        Assert.DoesNotContain(inA1, countyNarrowed);
    }

    [Fact]
    public async Task Since_may_carry_any_offset_and_means_the_same_instant()
    {
        var since = Era(2003);
        var id = await RegisterAtAsync("419921103203", "updated_at", since.AddHours(1));
        var justBefore = since.AddMinutes(59).ToOffset(TimeSpan.FromHours(8));
        var justAfter = since.AddMinutes(61).ToOffset(TimeSpan.FromHours(8));

        var included = await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/changes?since={UrlTime(justBefore)}&division=419921103203");
        var excluded = await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/changes?since={UrlTime(justAfter)}&division=419921103203");

        Assert.Equal(id, included[0]);
        Assert.DoesNotContain(id, excluded);
    }

    [Theory]
    [InlineData("/api/registry/v1/workers/changes", "since")]
    [InlineData("/api/registry/v1/workers/changes?since=2026-01-01T00:00:00Z&division=12345", "division")]
    [InlineData("/api/registry/v1/workers/changes?since=2026-01-01T00:00:00Z&limit=201", "limit")]
    [InlineData("/api/registry/v1/workers/changes?since=2026-01-01T00:00:00Z&cursor=not-ours", "cursor")]
    [InlineData("/api/registry/v1/status-changes", "since")]
    [InlineData("/api/registry/v1/status-changes?since=2026-01-01T00:00:00Z&division=4199", "division")]
    [InlineData("/api/registry/v1/workers/stale", "days")]
    [InlineData("/api/registry/v1/workers/stale?days=0", "days")]
    [InlineData("/api/registry/v1/workers/stale?days=3651", "days")]
    [InlineData("/api/registry/v1/workers/stale?days=30&division=abc", "division")]
    public async Task An_invalid_query_answers_400_naming_the_parameter(string path, string parameter)
    {
        var response = await registry.Client.GetAsync(path);

        Assert.Contains(parameter, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Status_changes_since_a_time_come_in_recording_order_for_the_callers_division_only()
    {
        var since = Era(2004);
        var inA1 = await WorkerApi.RegisterMinimalAsync(registry.Client, "419921101204");
        var inB = await WorkerApi.RegisterMinimalAsync(registry.Client, "419922101204");
        foreach (var id in new[] { inA1, inB })
        {
            var response = await WorkerApi.ChangeStatusAsync(registry.Client, id, await WorkerApi.ETagOfAsync(registry.Client, id), """{ "status": "employedElsewhere", "source": "phoneCall" }""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Recorded in the test's period: the registrations first, then the changes, B's before A1's.
        await registry.Database.ExecuteAsAdminAsync($"""
            UPDATE registry.status_changes SET recorded_at = '{SqlTime(since)}'::timestamptz
                + CASE WHEN "from" IS NULL THEN interval '0 minutes' ELSE interval '10 minutes' END
                + CASE WHEN worker_id = '{inB}' THEN interval '1 minute' ELSE interval '2 minutes' END
            WHERE worker_id IN ('{inA1}', '{inB}')
            """);
        var path = $"/api/registry/v1/status-changes?since={UrlTime(since)}&limit=200";

        var city = (await ChangesAsync(registry.Client, path)).Take(4).ToList();
        var county = (await ChangesAsync(CountyAOfficer, path)).Take(2).ToList();
        var township = await ChangesAsync(TownshipA1Officer, path);
        var countyAskingForB = await ChangesAsync(CountyAOfficer, $"{path}&division={CountyB}");
        var townshipA2 = await ChangesAsync(registry.ClientFor(Caller.Staff("419921102000", Roles.TownshipOfficer, Scopes.RegistryRead)), path);

        Assert.Equal([(inB, "seekingWork"), (inA1, "seekingWork"), (inB, "employedElsewhere"), (inA1, "employedElsewhere")], city.Select(c => (c.WorkerId, c.To)));
        Assert.Equal([(inA1, "seekingWork"), (inA1, "employedElsewhere")], county.Select(c => (c.WorkerId, c.To)));
        Assert.Equal("phoneCall", county[1].Source);
        Assert.DoesNotContain(township, c => c.WorkerId == inB);
        Assert.Contains(township, c => c.WorkerId == inA1);
        Assert.DoesNotContain(countyAskingForB, c => c.WorkerId == inB);
        Assert.DoesNotContain(townshipA2, c => c.WorkerId == inA1);
    }

    [Fact]
    public async Task Status_changes_are_paged_with_a_cursor_without_gaps_or_repeats()
    {
        var since = Era(2005);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await WorkerApi.RegisterMinimalAsync(registry.Client, "419921101205"));
        }

        await registry.Database.ExecuteAsAdminAsync($"""
            UPDATE registry.status_changes SET recorded_at = '{SqlTime(since.AddMinutes(1))}'::timestamptz
            WHERE worker_id IN ({string.Join(", ", ids.Select(id => $"'{id}'"))})
            """);
        var path = $"/api/registry/v1/status-changes?since={UrlTime(since)}&division=419921101205&limit=2";

        var first = await PageAsync(registry.Client, path);
        var second = await PageAsync(registry.Client, $"{path}&cursor={first.Cursor}");

        // One instant for all three: the order is that of the ids, as PostgreSQL compares them.
        var expected = await registry.Database.ScalarAsAdminAsync<string>($"""
            SELECT string_agg(id::text, ',' ORDER BY id) FROM registry.status_changes
            WHERE worker_id IN ({string.Join(", ", ids.Select(id => $"'{id}'"))})
            """);
        Assert.Equal(2, first.Ids.Count);
        Assert.Equal(expected, string.Join(',', first.Ids.Concat(second.Ids)));
        Assert.Null(second.Cursor);
    }

    [Fact]
    public async Task Stale_records_are_those_unconfirmed_for_more_than_N_days_longest_forgotten_first()
    {
        const string village = "419921102204";
        var now = DateTimeOffset.UtcNow;
        var hundredDays = await RegisterAtAsync(village, "last_confirmed_at", now.AddDays(-100));
        var fortyDays = await RegisterAtAsync(village, "last_confirmed_at", now.AddDays(-40));
        var tenDays = await RegisterAtAsync(village, "last_confirmed_at", now.AddDays(-10));
        var fresh = await WorkerApi.RegisterMinimalAsync(registry.Client, village);

        var month = await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=30&division={village}");
        var week = await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=7&division={village}");
        var decade = await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=3650&division={village}");
        var firstPage = await PageAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=7&division={village}&limit=2");
        var secondPage = await PageAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=7&division={village}&limit=2&cursor={firstPage.Cursor}");

        Assert.Equal([hundredDays, fortyDays], month);
        Assert.Equal([hundredDays, fortyDays, tenDays], week);
        Assert.Empty(decade);
        Assert.Equal([hundredDays, fortyDays, tenDays], firstPage.Ids.Concat(secondPage.Ids));
        Assert.DoesNotContain(fresh, week);
        var item = (await registry.Client.GetFromJsonAsync<JsonElement>($"{WorkerApi.Workers}/stale?days=30&division={village}")).GetProperty("items")[0];
        Assert.Equal(village, item.GetProperty("householdDivision").GetString());
        Assert.True(item.GetProperty("lastConfirmedAt").GetDateTimeOffset() < now.AddDays(-99));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("lastVisitedAt").ValueKind);
    }

    [Fact]
    public async Task A_status_change_confirms_a_record_so_it_is_no_longer_stale()
    {
        const string village = "419921102205";
        var id = await RegisterAtAsync(village, "last_confirmed_at", DateTimeOffset.UtcNow.AddDays(-60));
        var before = await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=30&division={village}");

        var change = await WorkerApi.ChangeStatusAsync(registry.Client, id, await WorkerApi.ETagOfAsync(registry.Client, id), """{ "status": "inTraining", "source": "doorToDoorVisit" }""");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal([id], before);
        Assert.Empty(await WorkerApi.IdsAsync(registry.Client, $"{WorkerApi.Workers}/stale?days=30&division={village}"));
    }

    [Fact]
    public async Task Staff_see_stale_records_of_their_own_division_only()
    {
        var longAgo = DateTimeOffset.UtcNow.AddYears(-5);
        var inA1 = await RegisterAtAsync("419921101202", "last_confirmed_at", longAgo);
        var inA2 = await RegisterAtAsync("419921104201", "last_confirmed_at", longAgo.AddDays(1));
        var inB = await RegisterAtAsync("419922104201", "last_confirmed_at", longAgo.AddDays(2));
        const string path = "/api/registry/v1/workers/stale?days=1000&limit=200";

        var city = await WorkerApi.IdsAsync(registry.Client, path);
        var county = await WorkerApi.IdsAsync(CountyAOfficer, path);
        var township = await WorkerApi.IdsAsync(TownshipA1Officer, path);
        var countyAskingForB = await WorkerApi.IdsAsync(CountyAOfficer, $"{path}&division={CountyB}");

        Assert.Equal([inA1, inA2, inB], city.Where(new[] { inA1, inA2, inB }.Contains));
        Assert.Equal([inA1, inA2], county.Where(new[] { inA1, inA2, inB }.Contains));
        Assert.Equal([inA1], township.Where(new[] { inA1, inA2, inB }.Contains));
        Assert.Empty(countyAskingForB);
    }

    [Fact]
    public async Task Each_monitoring_list_needs_the_read_scope()
    {
        var writeOnly = registry.ClientFor(Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.RegistryWrite));

        foreach (var path in new[] { "/api/registry/v1/workers/changes?since=2026-01-01T00:00:00Z", "/api/registry/v1/status-changes?since=2026-01-01T00:00:00Z", "/api/registry/v1/workers/stale?days=30" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await registry.Anonymous.GetAsync(path)).StatusCode);
        }
    }

    private static DateTimeOffset Era(int year) => new(year, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string UrlTime(DateTimeOffset at) => Uri.EscapeDataString(SqlTime(at));

    private static string SqlTime(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private async Task<Guid> RegisterAtAsync(string village, string column, DateTimeOffset at)
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client, village);
        await SetAsync(id, column, at);
        return id;
    }

    private Task SetAsync(Guid workerId, string column, DateTimeOffset at) =>
        registry.Database.ExecuteAsAdminAsync($"UPDATE registry.workers SET {column} = '{SqlTime(at)}'::timestamptz WHERE id = '{workerId}'");

    private static async Task<(List<Guid> Ids, string? Cursor)> PageAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return ([.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())], page.GetProperty("nextCursor").GetString());
    }

    private static async Task<List<Guid>> WorkerIdsAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("workerId").GetGuid())];
    }

    private static async Task<List<(Guid WorkerId, string To, string Source)>> ChangesAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("workerId").GetGuid(), i.GetProperty("to").GetString()!, i.GetProperty("source").GetString()!))];
    }
}
