using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Tests.Profile;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Status;

/// <summary>
/// Staff change a worker's employment status only by allowed transitions, with If-Match; each change is kept in the
/// history with time, source and actor, and announced as EmploymentStatusChanged.
/// </summary>
public sealed class EmploymentStatusTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string StatusChanged = "urn:message:homeward:registry:employment-status-changed:v1";

    [Fact]
    public async Task A_status_change_is_recorded_with_source_and_actor_answers_a_new_ETag_and_is_announced()
    {
        var officer = Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.RegistryRead, Scopes.RegistryWrite);
        var client = registry.ClientFor(officer);
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);
        var etag = await WorkerApi.ETagOfAsync(client, id);

        var response = await WorkerApi.ChangeStatusAsync(client, id, etag, """{ "status": "employedLocally", "note": "在县工业园焊接车间上班" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        var change = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, change.GetProperty("workerId").GetGuid());
        Assert.Equal("seekingWork", change.GetProperty("from").GetString());
        Assert.Equal("employedLocally", change.GetProperty("to").GetString());
        Assert.Equal("staffEntry", change.GetProperty("source").GetString());
        Assert.Equal(officer.Subject, change.GetProperty("actor").GetString());
        Assert.Equal("在县工业园焊接车间上班", change.GetProperty("note").GetString());
        var (worker, current) = await WorkerApi.GetAsync(client, id);
        Assert.Equal(response.Headers.ETag.Tag, current);
        Assert.Equal("employedLocally", worker.GetProperty("status").GetString());
        var stored = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT concat_ws('|', \"from\", \"to\", source, actor) FROM registry.status_changes WHERE id = '{change.GetProperty("id").GetGuid()}'");
        Assert.Equal($"SeekingWork|EmployedLocally|StaffEntry|{officer.Subject}", stored);
        var announced = Assert.Single(await EventsAsync(id));
        Assert.Equal("seekingWork", announced.GetProperty("from").GetString());
        Assert.Equal("employedLocally", announced.GetProperty("to").GetString());
        Assert.Equal("staffEntry", announced.GetProperty("source").GetString());
        Assert.Equal(WorkerApi.Village, announced.GetProperty("householdDivision").GetString());
    }

    [Fact]
    public async Task A_status_change_needs_If_Match_and_refuses_a_stale_one()
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        var withoutIfMatch = await WorkerApi.ChangeStatusAsync(registry.Client, id, null, """{ "status": "inTraining" }""");
        var first = await WorkerApi.ChangeStatusAsync(registry.Client, id, etag, """{ "status": "inTraining" }""");
        var stale = await WorkerApi.ChangeStatusAsync(registry.Client, id, etag, """{ "status": "selfEmployed" }""");

        await withoutIfMatch.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("inTraining", (await WorkerApi.GetAsync(registry.Client, id)).Worker.GetProperty("status").GetString());
        Assert.Single(await EventsAsync(id));
    }

    [Theory]
    [InlineData("notInLabourForce", "employedLocally")]
    [InlineData("notInLabourForce", "employedElsewhere")]
    [InlineData("notInLabourForce", "selfEmployed")]
    [InlineData("seekingWork", "seekingWork")]
    [InlineData("employedLocally", "employedLocally")]
    public async Task An_impossible_transition_answers_422_and_records_nothing(string from, string to)
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client, status: from);
        var (before, etag) = await WorkerApi.GetAsync(registry.Client, id);

        var response = await WorkerApi.ChangeStatusAsync(registry.Client, id, etag, $$"""{ "status": "{{to}}" }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("status-transition-not-allowed", problem.GetProperty("code").GetString());
        var (after, etagAfter) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(1L, await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{id}'"));
        Assert.Empty(await EventsAsync(id));
    }

    [Theory]
    [InlineData("notInLabourForce", "seekingWork")]
    [InlineData("notInLabourForce", "inTraining")]
    [InlineData("seekingWork", "notInLabourForce")]
    [InlineData("employedLocally", "employedElsewhere")]
    [InlineData("selfEmployed", "seekingWork")]
    [InlineData("inTraining", "selfEmployed")]
    public async Task An_allowed_transition_changes_the_status(string from, string to)
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client, status: from);

        var response = await WorkerApi.ChangeStatusAsync(registry.Client, id, await WorkerApi.ETagOfAsync(registry.Client, id), $$"""{ "status": "{{to}}" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(to, (await WorkerApi.GetAsync(registry.Client, id)).Worker.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{ "note": "没有状态" }""", "status")]
    [InlineData("""{ "status": null }""", "status")]
    [InlineData("""{ "status": "retired" }""", "status")]
    [InlineData("""{ "status": 1 }""", "status")]
    [InlineData("""{ "status": "inTraining", "source": "platform" }""", "source")]
    [InlineData("""{ "status": "inTraining", "source": "ledgerImport" }""", "source")]
    [InlineData("""{ "status": "inTraining", "source": "rumour" }""", "source")]
    [InlineData("""{ "status": "inTraining", "actor": "someone-else" }""", "actor")]
    [InlineData("""{ "status": "inTraining", "changedAt": "2020-01-01T00:00:00Z" }""", "changedAt")]
    public async Task An_invalid_request_answers_400_naming_the_field(string body, string field)
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);

        var response = await WorkerApi.ChangeStatusAsync(registry.Client, id, await WorkerApi.ETagOfAsync(registry.Client, id), body);

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("seekingWork", (await WorkerApi.GetAsync(registry.Client, id)).Worker.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_note_longer_than_500_characters_is_refused()
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);

        var response = await WorkerApi.ChangeStatusAsync(
            registry.Client, id, await WorkerApi.ETagOfAsync(registry.Client, id), JsonSerializer.Serialize(new { status = "inTraining", note = new string('长', 501) }));

        Assert.Contains("note", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_change_learned_on_a_door_to_door_visit_also_records_the_visit()
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);
        var (before, etag) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastVisitedAt").ValueKind);

        var response = await WorkerApi.ChangeStatusAsync(registry.Client, id, etag, """{ "status": "selfEmployed", "source": "doorToDoorVisit" }""");

        Assert.Equal("doorToDoorVisit", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
        var (after, _) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal(after.GetProperty("updatedAt").GetDateTimeOffset(), after.GetProperty("lastVisitedAt").GetDateTimeOffset());
        Assert.True(after.GetProperty("lastConfirmedAt").GetDateTimeOffset() > before.GetProperty("lastConfirmedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_repeated_request_with_the_same_Idempotency_Key_is_applied_once()
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        var first = await SendWithKeyAsync(id, etag, "status-change-1");
        var replay = await SendWithKeyAsync(id, etag, "status-change-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.ETag, replay.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(2L, await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{id}'"));
    }

    [Fact]
    public async Task The_history_lists_every_change_newest_first_in_pages()
    {
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);
        foreach (var status in new[] { "inTraining", "seekingWork", "employedElsewhere", "employedLocally" })
        {
            var response = await WorkerApi.ChangeStatusAsync(registry.Client, id, await WorkerApi.ETagOfAsync(registry.Client, id), $$"""{ "status": "{{status}}" }""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await registry.Client.GetFromJsonAsync<JsonElement>(
                $"{WorkerApi.Workers}/{id}/status-history?limit=2{(cursor is null ? string.Empty : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(
            ["employedLocally", "employedElsewhere", "seekingWork", "inTraining", "seekingWork"],
            seen.Select(c => c.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, seen[^1].GetProperty("from").ValueKind);
        Assert.Equal("registered", seen[^1].GetProperty("note").GetString());
        var times = seen.Select(c => c.GetProperty("changedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task The_history_of_an_unknown_worker_answers_404()
    {
        await (await registry.Client.GetAsync($"{WorkerApi.Workers}/{Guid.CreateVersion7()}/status-history")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_of_another_county_or_township_can_neither_change_nor_read_the_status_of_a_worker_outside_it()
    {
        var countyB = registry.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.RegistryRead, Scopes.RegistryWrite));
        var townshipA2 = registry.ClientFor(Caller.Staff("419921102000", Roles.TownshipOfficer, Scopes.RegistryRead, Scopes.RegistryWrite));
        var townshipA1 = registry.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.RegistryRead, Scopes.RegistryWrite));
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        foreach (var outsider in new[] { countyB, townshipA2 })
        {
            await (await WorkerApi.ChangeStatusAsync(outsider, id, etag, """{ "status": "inTraining" }""")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.GetAsync($"{WorkerApi.Workers}/{id}/status-history")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal("seekingWork", (await WorkerApi.GetAsync(registry.Client, id)).Worker.GetProperty("status").GetString());
        Assert.Empty(await EventsAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await WorkerApi.ChangeStatusAsync(townshipA1, id, etag, """{ "status": "inTraining" }""")).StatusCode);
        Assert.Equal(2, (await WorkerApi.IdsAsync(townshipA1, $"{WorkerApi.Workers}/{id}/status-history")).Count);
    }

    [Fact]
    public async Task Changing_the_status_needs_the_write_scope_and_reading_the_history_the_read_scope()
    {
        var reader = registry.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.RegistryRead));
        var writer = registry.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.RegistryWrite));
        var id = await WorkerApi.RegisterMinimalAsync(registry.Client);

        var change = await WorkerApi.ChangeStatusAsync(reader, id, await WorkerApi.ETagOfAsync(registry.Client, id), """{ "status": "inTraining" }""");
        var history = await writer.GetAsync($"{WorkerApi.Workers}/{id}/status-history");

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(Guid id, string etag, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{WorkerApi.Workers}/{id}/status")
        {
            Content = JsonContent.Create(new { status = "employedElsewhere", note = "北京建筑工地" }),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        request.Headers.Add("Idempotency-Key", key);
        return await registry.Client.SendAsync(request);
    }

    private async Task<List<JsonElement>> EventsAsync(Guid workerId)
    {
        var json = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT coalesce(json_agg(payload ORDER BY seq), '[]')::text FROM registry.outbox_messages WHERE type = '{StatusChanged}' AND payload->>'workerId' = '{workerId}'");
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];
    }
}
