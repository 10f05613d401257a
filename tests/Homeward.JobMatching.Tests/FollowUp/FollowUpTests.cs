using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.JobMatching.Tests.Partners;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.FollowUp;

/// <summary>Check-ins after placement come due on the service's clock; rights cases escalate when overdue and reach the partner city.</summary>
public sealed class FollowUpTests(ClockedJobMatching jobMatching) : IClassFixture<ClockedJobMatching>
{
    private const string Root = JobMatchingApi.Root;

    [Fact]
    public async Task Check_ins_appear_in_the_workers_office_queue_one_three_and_six_months_after_the_start_and_take_an_outcome()
    {
        var (placementId, _) = await PlaceAsync("419921101201");
        var township = jobMatching.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var otherCounty = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));

        jobMatching.Clock.Advance(TimeSpan.FromDays(20));
        await Task.Delay(300);
        Assert.Empty(await QueueAsync(township, placementId));

        jobMatching.Clock.Advance(TimeSpan.FromDays(12));
        var first = Assert.Single(await Eventually.MatchesAsync(() => QueueAsync(township, placementId), tasks => tasks.Count == 1, "the one-month check-in"));
        Assert.Equal(1, first.GetProperty("monthsAfterStart").GetInt32());
        Assert.Empty(await QueueAsync(otherCounty, placementId));
        var taskId = first.GetProperty("id").GetGuid();
        var path = $"{Root}/follow-ups/{taskId}/outcome";
        await (await otherCounty.SendWithIfMatchAsync(HttpMethod.Post, path, new { outcome = "stillEmployed" }, $"\"{first.GetProperty("rowVersion").GetUInt32()}\""))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await township.SendWithIfMatchAsync(HttpMethod.Post, path, new { outcome = "left" }, $"\"{first.GetProperty("rowVersion").GetUInt32()}\""))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("leftReason", bad.ErrorFields());
        var done = await township.SendWithIfMatchAsync(HttpMethod.Post, path, new { outcome = "struggling", monthlyWage = 5400m, note = "想家" }, $"\"{first.GetProperty("rowVersion").GetUInt32()}\"");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Empty(await QueueAsync(township, placementId));

        jobMatching.Clock.Advance(TimeSpan.FromDays(160));
        var later = await Eventually.MatchesAsync(() => QueueAsync(township, placementId), tasks => tasks.Count == 2, "the three- and six-month check-ins");
        Assert.Equal([3, 6], later.Select(t => t.GetProperty("monthsAfterStart").GetInt32()).Order());
    }

    [Fact]
    public async Task A_placement_recorded_after_its_start_gets_every_check_in_already_due_once_and_then_waits_for_the_next()
    {
        var today = DateOnly.FromDateTime(jobMatching.Clock.GetUtcNow().AddHours(8).DateTime);
        var start = today.AddMonths(-3).AddDays(-2);
        var (placementId, _) = await PlaceAsync("419921101201", start);
        jobMatching.Clock.Advance(TimeSpan.FromHours(1));

        var due = await Eventually.MatchesAsync(() => QueueAsync(jobMatching.Client, placementId), tasks => tasks.Count == 2, "the one- and three-month check-ins");
        Assert.Equal(
            [start.AddMonths(1).ToString("yyyy-MM-dd"), start.AddMonths(3).ToString("yyyy-MM-dd")],
            due.Select(t => t.GetProperty("dueOn").GetString()).Order());
        var nextDay = $"SELECT next_follow_up_on::text FROM jobmatching.placements WHERE id = '{placementId}'";
        Assert.Equal(start.AddMonths(6).ToString("yyyy-MM-dd"), await jobMatching.Service.Database.ScalarAsAdminAsync<string>(nextDay));

        await jobMatching.Service.Database.ExecuteAsAdminAsync($"UPDATE jobmatching.placements SET next_follow_up_on = start_date WHERE id = '{placementId}'");
        jobMatching.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.MatchesAsync(
            () => jobMatching.Service.Database.ScalarAsAdminAsync<string>(nextDay),
            next => next == start.AddMonths(6).ToString("yyyy-MM-dd"),
            "the placement looked at again");
        Assert.Equal(2, (await QueueAsync(jobMatching.Client, placementId)).Count);
    }

    [Fact]
    public async Task A_check_in_finding_the_worker_left_ends_the_running_placement_with_the_reason_and_announces_it()
    {
        var (placementId, workerId) = await PlaceAsync("419921101201");
        var start = jobMatching.Clock.GetUtcNow();
        jobMatching.Clock.Advance(TimeSpan.FromDays(32));
        var task = Assert.Single(await Eventually.MatchesAsync(() => QueueAsync(jobMatching.Client, placementId), tasks => tasks.Count == 1, "the one-month check-in"));
        var path = $"{Root}/follow-ups/{task.GetProperty("id").GetGuid()}/outcome";
        var etag = $"\"{task.GetProperty("rowVersion").GetUInt32()}\"";
        var leftOn = DateOnly.FromDateTime(start.AddHours(8).DateTime).AddDays(25);

        var misdated = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, path, new { outcome = "stillEmployed", leftOn }, etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("leftOn", misdated.ErrorFields());
        var done = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, path, new { outcome = "left", leftReason = "rightsViolated", leftOn, note = "欠薪离职" }, etag);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var placement = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/placements/{placementId}");
        Assert.Equal(leftOn.ToString("yyyy-MM-dd"), placement.GetProperty("endDate").GetString());
        Assert.Equal("rightsViolated", placement.GetProperty("endReason").GetString());
        var ended = JsonDocument.Parse(await jobMatching.Service.Database.ScalarAsAdminAsync<string>(
            $"SELECT payload::text FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:placement-ended:v1' AND payload->>'placementId' = '{placementId}'")).RootElement;
        Assert.Equal("rightsViolated", ended.GetProperty("reason").GetString());
        Assert.Equal(leftOn.ToString("yyyy-MM-dd"), ended.GetProperty("endDate").GetString());
        Assert.Equal(workerId, ended.GetProperty("workerId").GetGuid());
    }

    [Fact]
    public async Task A_check_in_finding_the_worker_left_a_placement_already_ended_records_the_outcome_and_ends_nothing_twice()
    {
        var (placementId, _) = await PlaceAsync("419921101201");
        jobMatching.Clock.Advance(TimeSpan.FromDays(32));
        var task = Assert.Single(await Eventually.MatchesAsync(() => QueueAsync(jobMatching.Client, placementId), tasks => tasks.Count == 1, "the one-month check-in"));
        var (_, placementETag) = await jobMatching.Client.ReadAsync($"{Root}/placements/{placementId}");
        var today = DateOnly.FromDateTime(jobMatching.Clock.GetUtcNow().AddHours(8).DateTime);
        var ended = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Root}/placements/{placementId}/end", new { endDate = today.AddDays(-5), reason = "contractEnded" }, placementETag);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var done = await jobMatching.Client.SendWithIfMatchAsync(
            HttpMethod.Post, $"{Root}/follow-ups/{task.GetProperty("id").GetGuid()}/outcome", new { outcome = "left", leftReason = "resigned" }, $"\"{task.GetProperty("rowVersion").GetUInt32()}\"");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("resigned", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftReason").GetString());
        var placement = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/placements/{placementId}");
        Assert.Equal(("contractEnded", today.AddDays(-5).ToString("yyyy-MM-dd")), (placement.GetProperty("endReason").GetString(), placement.GetProperty("endDate").GetString()));
        Assert.Equal(1L, await jobMatching.Service.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:placement-ended:v1' AND payload->>'placementId' = '{placementId}'"));
    }

    [Fact]
    public async Task A_rights_case_goes_to_the_county_then_the_city_when_overdue_and_a_cross_region_one_reaches_its_partner_city_only()
    {
        var (placementId, workerId) = await PlaceAsync("419921101201");
        var created = await jobMatching.Client.PostAsJsonAsync($"{Root}/rights-cases", new
        {
            workerId,
            placementId,
            kind = "wageArrears",
            severity = "critical",
            description = "两个月工资未发",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("office", await LevelAsync(caseId));

        jobMatching.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.MatchesAsync(() => LevelAsync(caseId), level => level == "county", "escalation to the county");
        jobMatching.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.MatchesAsync(() => LevelAsync(caseId), level => level == "city", "escalation to the city");

        var beijingCases = await jobMatching.ClientFor(Caller.Partner("beijing")).GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/rights-cases");
        var shared = Assert.Single(beijingCases.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
        Assert.Equal("city", shared.GetProperty("level").GetString());
        Assert.DoesNotContain("两个月工资未发", beijingCases.GetRawText(), StringComparison.Ordinal);
        var tianjinCases = await jobMatching.ClientFor(Caller.Partner("tianjin")).GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/rights-cases");
        Assert.DoesNotContain(caseId.ToString(), tianjinCases.GetRawText(), StringComparison.Ordinal);
        var otherCounty = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead));
        await (await otherCounty.GetAsync($"{Root}/rights-cases/{caseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var countyQueue = await otherCounty.GetFromJsonAsync<JsonElement>($"{Root}/rights-cases?level=city");
        Assert.DoesNotContain(caseId.ToString(), countyQueue.GetRawText(), StringComparison.Ordinal);
        var cityQueue = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/rights-cases?level=city&open=true");
        Assert.Contains(caseId, cityQueue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var badLevel = await (await jobMatching.Client.GetAsync($"{Root}/rights-cases?level=province")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("level", badLevel.ErrorFields());
        var (read, etag) = await jobMatching.Client.ReadAsync($"{Root}/rights-cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Root}/rights-cases/{caseId}/resolve", new { resolution = "企业补发工资" }, etag)).StatusCode);
        jobMatching.Clock.Advance(TimeSpan.FromDays(30));
        await Task.Delay(300);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("resolvedAt").ValueKind);
        var (resolved, _) = await jobMatching.Client.ReadAsync($"{Root}/rights-cases/{caseId}");
        Assert.Equal("city", resolved.GetProperty("level").GetString());
        Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("resolvedAt").ValueKind);
    }

    [Fact]
    public async Task A_rights_case_is_opened_only_for_a_worker_of_the_callers_division_and_names_bad_fields()
    {
        var (_, workerId) = await PlaceAsync("419921101201");
        var otherCounty = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingWrite));

        await (await otherCounty.PostAsJsonAsync($"{Root}/rights-cases", new { workerId, kind = "safety", severity = "high", description = "无防护" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await jobMatching.Client.PostAsJsonAsync($"{Root}/rights-cases", new { workerId, description = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var foreignPlacement = await (await jobMatching.Client.PostAsJsonAsync(
            $"{Root}/rights-cases", new { workerId, placementId = Guid.NewGuid(), kind = "contract", severity = "low", description = "未签合同" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "kind", "severity", "description" }, bad.ErrorFields().ToHashSet());
        Assert.Contains("placementId", foreignPlacement.ErrorFields());
    }

    private async Task<List<JsonElement>> QueueAsync(HttpClient client, Guid placementId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"{Root}/follow-ups?limit=200");
        return [.. page.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("placementId").GetGuid() == placementId)];
    }

    private async Task<string?> LevelAsync(Guid caseId) =>
        (await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/rights-cases/{caseId}")).GetProperty("level").GetString();

    /// <summary>A worker of <paramref name="village"/> placed with a Beijing enterprise, starting today on the service's clock unless <paramref name="start"/> is given.</summary>
    private async Task<(Guid PlacementId, Guid WorkerId)> PlaceAsync(string village, DateOnly? start = null)
    {
        var workerId = await Workers.RegisterAsync(jobMatching.Service, Workers.Welder(where: "anywhere"), village);
        var employer = await jobMatching.Client.CreateEmployerAsync(PartnerApi.Enterprise("beijing"));
        var today = (start ?? DateOnly.FromDateTime(jobMatching.Clock.GetUtcNow().AddHours(8).DateTime)).ToString("yyyy-MM-dd");
        var placed = await jobMatching.Client.PostAsJsonAsync($"{Root}/placements", new { employerId = employer.GetProperty("id").GetGuid(), workerId, tradeCode = "welder", monthlyWage = 5200m, startDate = today });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        return ((await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), workerId);
    }
}
