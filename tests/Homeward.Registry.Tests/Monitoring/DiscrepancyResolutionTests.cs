using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>
/// Staff above the village settle a discrepancy once, with a reason: accepting writes the observed value into the
/// record through the domain (with its events and status history), rejecting keeps the record. The discrepancy is the
/// audit record of who decided what, when and why.
/// </summary>
public sealed class DiscrepancyResolutionTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string Village = "419921101201";
    private const string OtherVillageInCounty = "419921102201";
    private const string VillageInCountyB = "419922101201";

    private readonly Caller _countyOfficer = MonitoringApi.Officer(MonitoringApi.CountyA);

    private HttpClient CountyOfficer => registry.ClientFor(_countyOfficer);

    [Fact]
    public async Task Accepting_writes_the_observed_value_into_the_record_announces_it_and_keeps_who_when_and_why()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "juniorHigh");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "education", "seniorHigh", "selfReport");
        var before = DateTimeOffset.UtcNow;

        var response = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Diploma seen at the visit." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var resolved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", resolved.GetProperty("status").GetString());
        Assert.Equal(_countyOfficer.Subject, resolved.GetProperty("resolvedBy").GetString());
        Assert.Equal("Diploma seen at the visit.", resolved.GetProperty("resolutionReason").GetString());
        Assert.InRange(resolved.Time("resolvedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("seniorHigh", (await registry.Client.WorkerAsync(workerId)).GetProperty("education").GetString());
        Assert.Equal(
            """["education"]""",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"""
                SELECT payload->>'changed' FROM registry.outbox_messages
                WHERE type = 'urn:message:homeward:registry:worker-profile-updated:v1' AND payload->>'workerId' = '{workerId}'
                """));
    }

    [Fact]
    public async Task Accepting_a_status_records_the_change_in_the_history_and_announces_it()
    {
        var workerId = await registry.Client.RegisterAsync(Village, status: "seekingWork");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "employmentStatus", "employedLocally", "employerReport");

        var response = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Employer confirmed by phone." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("employedLocally", (await registry.Client.WorkerAsync(workerId)).GetProperty("status").GetString());
        Assert.Equal(
            $"SeekingWork EmployedLocally EmployerReport {_countyOfficer.Subject}",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"""SELECT "from" || ' ' || "to" || ' ' || source || ' ' || actor FROM registry.status_changes WHERE worker_id = '{workerId}' AND "from" IS NOT NULL"""));
        Assert.Equal(
            "seekingWork employedLocally",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"""
                SELECT (payload->>'from') || ' ' || (payload->>'to') FROM registry.outbox_messages
                WHERE type = 'urn:message:homeward:registry:employment-status-changed:v1' AND payload->>'workerId' = '{workerId}'
                """));
    }

    [Fact]
    public async Task An_accepted_status_must_be_an_allowed_transition_and_the_discrepancy_stays_open_otherwise()
    {
        var workerId = await registry.Client.RegisterAsync(Village, status: "notInLabourForce");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "employmentStatus", "employedLocally", "employerReport");

        var response = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Employer says so." });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("status-transition-not-allowed", problem.GetProperty("code").GetString());
        Assert.Equal("open", (await registry.Client.DiscrepancyAsync(discrepancyId)).GetProperty("status").GetString());
        Assert.Equal("notInLabourForce", (await registry.Client.WorkerAsync(workerId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_accepted_household_village_must_lie_within_the_resolvers_division()
    {
        var movedWithin = await registry.Client.RegisterAsync(Village);
        var movedOut = await registry.Client.RegisterAsync(Village);
        var within = await registry.Client.DisagreeAsync(movedWithin, "householdDivision", OtherVillageInCounty, "doorToDoorVisit");
        var outside = await registry.Client.DisagreeAsync(movedOut, "householdDivision", VillageInCountyB, "doorToDoorVisit");

        var accepted = await CountyOfficer.ResolveCurrentAsync(within, new { accept = true, reason = "Hukou moved on marriage." });
        var refused = await CountyOfficer.ResolveCurrentAsync(outside, new { accept = true, reason = "Hukou moved on marriage." });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(OtherVillageInCounty, (await registry.Client.WorkerAsync(movedWithin)).GetProperty("householdDivision").GetString());
        Assert.Equal(OtherVillageInCounty, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdDivision").GetString());
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(Village, (await registry.Client.WorkerAsync(movedOut)).GetProperty("householdDivision").GetString());
        Assert.Equal("open", (await registry.Client.DiscrepancyAsync(outside)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rejecting_keeps_the_record_and_confirms_it()
    {
        var workerId = await registry.Client.RegisterAsync(Village, residence: "419921101201");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "residence", "110105", "socialInsurance");
        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET last_confirmed_at = '2025-01-01T00:00:00Z' WHERE id = '{workerId}'");
        var eventsBefore = await EventCountAsync(workerId);

        var response = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = false, reason = "Worker is back home for good." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resolved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", resolved.GetProperty("status").GetString());
        Assert.Equal("Worker is back home for good.", resolved.GetProperty("resolutionReason").GetString());
        var worker = await registry.Client.WorkerAsync(workerId);
        Assert.Equal("419921101201", worker.GetProperty("residence").GetProperty("division").GetString());
        Assert.True(worker.Time("lastConfirmedAt") > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(eventsBefore, await EventCountAsync(workerId));
    }

    [Fact]
    public async Task A_discrepancy_is_resolved_once()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "primary");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "education", "juniorHigh");
        var etag = (await CountyOfficer.GetAsync($"/api/registry/v1/discrepancies/{discrepancyId}")).Headers.ETag!.Tag;
        var first = await CountyOfficer.ResolveAsync(discrepancyId, etag, new { accept = false, reason = "Checked the school record." });

        var staleSecond = await CountyOfficer.ResolveAsync(discrepancyId, etag, new { accept = true, reason = "Changed my mind." });
        var currentSecond = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Changed my mind." });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await staleSecond.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var problem = await currentSecond.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("discrepancy-already-resolved", problem.GetProperty("code").GetString());
        var discrepancy = await registry.Client.DiscrepancyAsync(discrepancyId);
        Assert.Equal("rejected", discrepancy.GetProperty("status").GetString());
        Assert.Equal("Checked the school record.", discrepancy.GetProperty("resolutionReason").GetString());
        Assert.Equal("primary", (await registry.Client.WorkerAsync(workerId)).GetProperty("education").GetString());
    }

    [Fact]
    public async Task The_same_disagreement_reported_after_a_resolution_opens_a_new_discrepancy()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "primary");
        var rejected = await registry.Client.DisagreeAsync(workerId, "education", "bachelor");
        Assert.Equal(HttpStatusCode.OK, (await CountyOfficer.ResolveCurrentAsync(rejected, new { accept = false, reason = "No diploma found." })).StatusCode);

        var reopened = await registry.Client.DisagreeAsync(workerId, "education", "bachelor", "socialInsurance");

        Assert.NotEqual(rejected, reopened);
        Assert.Equal("open", (await registry.Client.DiscrepancyAsync(reopened)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_resolution_needs_if_match_a_decision_and_a_reason()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "primary");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "education", "bachelor");

        var withoutIfMatch = await CountyOfficer.ResolveAsync(discrepancyId, null, new { accept = true, reason = "Diploma seen." });
        var withoutDecision = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { reason = "ok" });

        await withoutIfMatch.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(["accept", "reason"], (await withoutDecision.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());
        Assert.Equal("open", (await registry.Client.DiscrepancyAsync(discrepancyId)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(Roles.VillageCollector)]
    [InlineData(Roles.Auditor)]
    public async Task Only_township_county_and_city_staff_resolve(string role)
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "primary");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "education", "bachelor");
        var staff = registry.ClientFor(MonitoringApi.Officer(Village, role));

        var response = await staff.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "I know this family." });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("open", (await registry.Client.DiscrepancyAsync(discrepancyId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_township_officer_resolves_within_the_township()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "primary");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "education", "bachelor");
        var township = registry.ClientFor(MonitoringApi.Officer("419921101000", Roles.TownshipOfficer));

        var response = await township.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Diploma seen." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bachelor", (await registry.Client.WorkerAsync(workerId)).GetProperty("education").GetString());
    }

    [Fact]
    public async Task Accepting_a_new_phone_number_needs_the_confirmed_number_matching_the_observed_mask()
    {
        var workerId = await registry.Client.RegisterAsync(Village, phone: "13812345678");
        var discrepancyId = await registry.Client.DisagreeAsync(workerId, "phone", "13987654321", "selfReport");

        var withoutNumber = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Called the new number." });
        var wrongNumber = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Called the new number.", phone = "13900000000" });
        var rightNumber = await CountyOfficer.ResolveCurrentAsync(discrepancyId, new { accept = true, reason = "Called the new number.", phone = "139 8765 4321" });

        Assert.Equal(["phone"], (await withoutNumber.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("discrepancy-phone-mismatch", (await wrongNumber.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, rightNumber.StatusCode);
        Assert.DoesNotContain("13987654321", await rightNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("139****4321", (await registry.Client.WorkerAsync(workerId)).GetProperty("phone").GetString());
        Assert.Equal("confirmed", (await registry.Client.ObservedAsync(workerId, "phone", "13987654321")).GetProperty("outcome").GetString());
        Assert.DoesNotContain("13987654321", await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT string_agg(d::text, ' ') FROM registry.discrepancies d WHERE worker_id = '{workerId}'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_discrepancies_are_listed_oldest_first_a_page_at_a_time()
    {
        const string township = "419921104000";
        var opened = new List<Guid>();
        foreach (var education in new[] { "primary", "juniorHigh", "seniorHigh" })
        {
            var workerId = await registry.Client.RegisterAsync("419921104201", education: "none");
            opened.Add(await registry.Client.DisagreeAsync(workerId, "education", education));
        }

        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.discrepancies SET opened_at = opened_at - interval '3 days' WHERE id = '{opened[2]}'");
        var resolved = await registry.Client.ResolveCurrentAsync(opened[1], new { accept = false, reason = "No diploma found." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        var first = await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/discrepancies?division={township}&limit=1");
        var second = await registry.Client.GetFromJsonAsync<JsonElement>(
            $"/api/registry/v1/discrepancies?division={township}&limit=1&cursor={first.GetProperty("nextCursor").GetString()}");
        var rejected = await registry.Client.DiscrepancyIdsAsync($"&division={township}&status=rejected");

        Assert.Equal(opened[2], first.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(opened[0], second.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal([opened[1]], rejected);
        Assert.Equal(["status"], (await (await registry.Client.GetAsync("/api/registry/v1/discrepancies?status=closed"))
            .AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private Task<long> EventCountAsync(Guid workerId) =>
        registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.outbox_messages WHERE payload->>'workerId' = '{workerId}'");
}
