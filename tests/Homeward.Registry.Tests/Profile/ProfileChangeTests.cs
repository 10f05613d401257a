using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Profile;

/// <summary>
/// Reading and changing the whole profile: GET returns every group with personal data masked; PATCH replaces the
/// groups it names and nothing else, needs If-Match, never touches what may never change, and announces exactly the
/// groups that changed.
/// </summary>
public sealed class ProfileChangeTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string ProfileUpdated = "urn:message:homeward:registry:worker-profile-updated:v1";
    private const string Registered = "urn:message:homeward:registry:worker-registered:v1";

    [Fact]
    public async Task Registration_stores_the_whole_profile_and_GET_returns_it_with_personal_data_masked()
    {
        var nationalId = NationalIds.Next();
        var response = await WorkerApi.RegisterAsync(registry.Client, WorkerApi.FullProfile(nationalId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var read = await registry.Client.GetAsync($"{WorkerApi.Workers}/{id}");
        var text = await read.Content.ReadAsStringAsync();
        var worker = JsonDocument.Parse(text).RootElement;

        Assert.DoesNotContain(nationalId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.Equal($"{nationalId[..6]}********{nationalId[14..]}", worker.GetProperty("nationalId").GetString());
        Assert.Equal("138****5678", worker.GetProperty("phone").GetString());
        Assert.Equal("110105000000", worker.GetProperty("residence").GetProperty("division").GetString());
        Assert.Equal("北京市朝阳区建国路 1 号", worker.GetProperty("residence").GetProperty("address").GetString());
        Assert.Equal("juniorHigh", worker.GetProperty("education").GetString());
        Assert.Equal(
            ["welder:intermediate", "electrician:junior"],
            worker.GetProperty("skills").EnumerateArray().Select(s => $"{s.GetProperty("tradeCode")}:{s.GetProperty("level")}"));
        var certificate = Assert.Single(worker.GetProperty("certificates").EnumerateArray());
        Assert.Equal("S2020-0001", certificate.GetProperty("number").GetString());
        Assert.Equal("skillLevel", certificate.GetProperty("kind").GetString());
        Assert.Equal("welder", certificate.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", certificate.GetProperty("level").GetString());
        Assert.Equal("河东县人力资源和社会保障局", certificate.GetProperty("issuer").GetString());
        Assert.Equal("2020-05-01", certificate.GetProperty("issuedOn").GetString());
        Assert.False(certificate.GetProperty("verified").GetBoolean());
        Assert.Equal(
            ["110000/E/6.5", "120000/C/2"],
            worker.GetProperty("priorWork").EnumerateArray().Select(p => $"{p.GetProperty("region")}/{p.GetProperty("industry")}/{p.GetProperty("years").GetDecimal()}"));
        Assert.Equal("2025-12-20", worker.GetProperty("return").GetProperty("returnedOn").GetString());
        Assert.Equal("familyCare", worker.GetProperty("return").GetProperty("reason").GetString());
        var intention = worker.GetProperty("jobIntention");
        Assert.Equal(["welder", "electrician"], intention.GetProperty("trades").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("homeCounty", intention.GetProperty("where").GetString());
        Assert.Equal(4500.50m, intention.GetProperty("minimumMonthlyWage").GetDecimal());
        Assert.Equal("2026-03-01", intention.GetProperty("availableFrom").GetString());
        Assert.Equal(["11-2", "6-6"], intention.GetProperty("busyMonths").EnumerateArray().Select(m => $"{m.GetProperty("from")}-{m.GetProperty("to")}"));
        Assert.True(intention.GetProperty("mustStayNearFamily").GetBoolean());
        var business = worker.GetProperty("entrepreneurship");
        Assert.True(business.GetProperty("interested").GetBoolean());
        Assert.Equal("A", business.GetProperty("industry").GetString());
        Assert.Equal("养殖合作社", business.GetProperty("description").GetString());
        Assert.True(business.GetProperty("needsFunding").GetBoolean());
        Assert.Equal(["e-commerce"], worker.GetProperty("trainingNeeds").EnumerateArray().Select(t => t.GetString()));
        var family = worker.GetProperty("family");
        Assert.Equal(5, family.GetProperty("householdSize").GetInt32());
        Assert.Equal(2, family.GetProperty("dependentChildren").GetInt32());
        Assert.Equal(1, family.GetProperty("dependentElderly").GetInt32());
        Assert.False(family.GetProperty("lowIncome").GetBoolean());
        Assert.True(family.GetProperty("monitored").GetBoolean());
    }

    [Fact]
    public async Task WorkerRegistered_carries_the_profile_facts_but_no_id_number_phone_or_family()
    {
        var nationalId = NationalIds.Next();
        var response = await WorkerApi.RegisterAsync(registry.Client, WorkerApi.FullProfile(nationalId));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var payload = Assert.Single(await EventsAsync(id, Registered));
        var facts = payload.GetProperty("facts");

        Assert.Equal("juniorHigh", facts.GetProperty("education").GetString());
        Assert.Equal(["welder:intermediate", "electrician:junior"], facts.GetProperty("skills").EnumerateArray().Select(s => $"{s.GetProperty("tradeCode")}:{s.GetProperty("level")}"));
        Assert.Equal("S2020-0001", Assert.Single(facts.GetProperty("certificates").EnumerateArray()).GetProperty("number").GetString());
        Assert.Equal([1, 2, 6, 11, 12], facts.GetProperty("intention").GetProperty("busyMonths").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(["e-commerce"], facts.GetProperty("trainingNeeds").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("110105000000", facts.GetProperty("residenceDivision").GetString());
        Assert.Equal("seekingWork", facts.GetProperty("status").GetString());
        AssertNothingPrivate(payload, nationalId);
    }

    [Fact]
    public async Task A_change_needs_If_Match_refuses_a_stale_one_and_answers_a_new_ETag()
    {
        var id = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        var withoutIfMatch = await WorkerApi.PatchAsync(registry.Client, id, null, """{ "education": "seniorHigh" }""");
        var changed = await WorkerApi.PatchAsync(registry.Client, id, etag, """{ "education": "seniorHigh" }""");
        var stale = await WorkerApi.PatchAsync(registry.Client, id, etag, """{ "education": "bachelor" }""");

        await withoutIfMatch.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.Equal("seniorHigh", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("education").GetString());
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var (worker, current) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal(changed.Headers.ETag.Tag, current);
        Assert.Equal("seniorHigh", worker.GetProperty("education").GetString());
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_even_when_the_change_would_change_nothing()
    {
        var id = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);
        Assert.Equal(HttpStatusCode.OK, (await WorkerApi.PatchAsync(registry.Client, id, etag, """{ "education": "bachelor" }""")).StatusCode);

        var response = await WorkerApi.PatchAsync(registry.Client, id, etag, """{ "education": "bachelor" }""");

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_change_replaces_the_groups_it_names_and_leaves_every_other_group_as_it_was()
    {
        var id = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();
        var (registered, etag) = await WorkerApi.GetAsync(registry.Client, id);

        var response = await WorkerApi.PatchAsync(registry.Client, id, etag, """
            {
              "skills": [ { "tradeCode": "cnc-operator", "level": "senior" } ],
              "certificates": [],
              "jobIntention": { "trades": [ "cnc-operator" ], "where": "partnerCities", "minimumMonthlyWage": 6000, "availableFrom": null, "busyMonths": [], "mustStayNearFamily": false }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (worker, _) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal("cnc-operator", Assert.Single(worker.GetProperty("skills").EnumerateArray()).GetProperty("tradeCode").GetString());
        Assert.Empty(worker.GetProperty("certificates").EnumerateArray());
        Assert.Equal("partnerCities", worker.GetProperty("jobIntention").GetProperty("where").GetString());
        Assert.Equal(JsonValueKind.Null, worker.GetProperty("jobIntention").GetProperty("availableFrom").ValueKind);
        foreach (var untouched in new[] { "name", "phone", "nationalId", "birthDate", "gender", "householdDivision", "residence", "education", "priorWork", "return", "entrepreneurship", "trainingNeeds", "family", "status", "registeredAt" })
        {
            Assert.Equal(registered.GetProperty(untouched).ToString(), worker.GetProperty(untouched).ToString());
        }

        Assert.True(worker.GetProperty("updatedAt").GetDateTimeOffset() > registered.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("nationalId", "\"419921199001011234\"")]
    [InlineData("birthDate", "\"1990-01-01\"")]
    [InlineData("gender", "\"female\"")]
    [InlineData("registeredAt", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("id", "\"0195f3b2-0000-7000-8000-000000000000\"")]
    [InlineData("status", "\"employedLocally\"")]
    [InlineData("updatedAt", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("lastConfirmedAt", "\"2020-01-01T00:00:00Z\"")]
    public async Task What_may_never_change_through_a_change_is_refused_as_an_unknown_member(string field, string value)
    {
        var id = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();
        var (before, etag) = await WorkerApi.GetAsync(registry.Client, id);

        var response = await WorkerApi.PatchAsync(registry.Client, id, etag, $$"""{ "name": "王强", "{{field}}": {{value}} }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        var (after, etagAfter) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task A_certificate_cannot_be_self_verified_and_a_verified_one_stays_verified_when_sent_again_unchanged()
    {
        var id = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();
        // What a certificate-issued event does: the platform confirmed the certificate.
        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET certificates = jsonb_set(certificates, '{{0,verified}}', 'true') WHERE id = '{id}'");
        var (worker, etag) = await WorkerApi.GetAsync(registry.Client, id);
        var verified = Assert.Single(worker.GetProperty("certificates").EnumerateArray());
        Assert.True(verified.GetProperty("verified").GetBoolean());

        var response = await WorkerApi.PatchAsync(registry.Client, id, etag, $$"""
            {
              "certificates": [
                {{verified}},
                { "number": "T-77", "kind": "specialOperation", "tradeCode": "electrician", "level": null, "issuer": "应急管理局", "issuedOn": "2024-08-08", "verified": true }
              ]
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var certificates = (await WorkerApi.GetAsync(registry.Client, id)).Worker.GetProperty("certificates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("number").GetString()!, c => c.GetProperty("verified").GetBoolean());
        Assert.True(certificates["S2020-0001"]);
        Assert.False(certificates["T-77"]);
    }

    [Fact]
    public async Task A_verified_certificate_sent_back_with_other_details_becomes_self_reported()
    {
        var id = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();
        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET certificates = jsonb_set(certificates, '{{0,verified}}', 'true') WHERE id = '{id}'");
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        var response = await WorkerApi.PatchAsync(registry.Client, id, etag, """
            { "certificates": [ { "number": "S2020-0001", "kind": "skillLevel", "tradeCode": "welder", "level": "senior", "issuer": "河东县人力资源和社会保障局", "issuedOn": "2020-05-01", "verified": true } ] }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var certificate = Assert.Single((await WorkerApi.GetAsync(registry.Client, id)).Worker.GetProperty("certificates").EnumerateArray());
        Assert.Equal("senior", certificate.GetProperty("level").GetString());
        Assert.False(certificate.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task WorkerProfileUpdated_lists_exactly_the_changed_groups_and_carries_the_new_facts()
    {
        var nationalId = NationalIds.Next();
        var created = await WorkerApi.RegisterAsync(registry.Client, WorkerApi.FullProfile(nationalId));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        // Skills and training needs change; education and residence are sent with the values they already have.
        var response = await WorkerApi.PatchAsync(registry.Client, id, etag, """
            {
              "name": "张 伟",
              "education": "juniorHigh",
              "residence": { "division": "110105000000", "address": "北京市朝阳区建国路 1 号" },
              "skills": [ { "tradeCode": "welder", "level": "senior" }, { "tradeCode": "electrician", "level": "junior" } ],
              "trainingNeeds": [ "e-commerce", "live-streaming-sales" ]
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = Assert.Single(await EventsAsync(id, ProfileUpdated));
        Assert.Equal(["name", "skills", "trainingNeeds"], payload.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("张 伟", payload.GetProperty("name").GetString());
        var facts = payload.GetProperty("facts");
        Assert.Equal("welder:senior", facts.GetProperty("skills").EnumerateArray().Select(s => $"{s.GetProperty("tradeCode")}:{s.GetProperty("level")}").First());
        Assert.Equal(["e-commerce", "live-streaming-sales"], facts.GetProperty("trainingNeeds").EnumerateArray().Select(t => t.GetString()));
        AssertNothingPrivate(payload, nationalId);
    }

    [Fact]
    public async Task Changes_of_the_phone_or_the_family_are_stored_but_never_announced()
    {
        var nationalId = NationalIds.Next();
        var created = await WorkerApi.RegisterAsync(registry.Client, WorkerApi.FullProfile(nationalId));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = await WorkerApi.ETagOfAsync(registry.Client, id);

        var privateOnly = await WorkerApi.PatchAsync(registry.Client, id, etag, """
            { "phone": "13987654321", "family": { "householdSize": 6, "dependentChildren": 3, "dependentElderly": 2, "lowIncome": true, "monitored": true } }
            """);
        var mixed = await WorkerApi.PatchAsync(registry.Client, id, privateOnly.Headers.ETag!.Tag, """
            { "phone": "13911112222", "family": { "householdSize": 3, "dependentChildren": 1, "dependentElderly": 0, "lowIncome": false, "monitored": false }, "education": "primary" }
            """);

        Assert.Equal(HttpStatusCode.OK, privateOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        var (worker, _) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal("139****2222", worker.GetProperty("phone").GetString());
        Assert.Equal(3, worker.GetProperty("family").GetProperty("householdSize").GetInt32());
        var payload = Assert.Single(await EventsAsync(id, ProfileUpdated));
        Assert.Equal(["education"], payload.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        AssertNothingPrivate(payload, nationalId);
        var raw = payload.ToString();
        Assert.DoesNotContain("13987654321", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("13911112222", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_changes_nothing_stores_nothing_announces_nothing_and_keeps_UpdatedAt_and_the_ETag()
    {
        var nationalId = NationalIds.Next();
        var body = WorkerApi.FullProfile(nationalId);
        var created = await WorkerApi.RegisterAsync(registry.Client, body);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (registered, etag) = await WorkerApi.GetAsync(registry.Client, id);
        body.Remove("nationalId");

        var everythingAgain = await WorkerApi.PatchAsync(registry.Client, id, etag, body.ToJsonString());
        var nothing = await WorkerApi.PatchAsync(registry.Client, id, etag, "{}");

        Assert.Equal(HttpStatusCode.OK, everythingAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Equal(etag, everythingAgain.Headers.ETag!.Tag);
        Assert.Equal(etag, nothing.Headers.ETag!.Tag);
        var (worker, current) = await WorkerApi.GetAsync(registry.Client, id);
        Assert.Equal(etag, current);
        Assert.Equal(registered.GetProperty("updatedAt").GetDateTimeOffset(), worker.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(registered.GetProperty("lastConfirmedAt").GetDateTimeOffset(), worker.GetProperty("lastConfirmedAt").GetDateTimeOffset());
        Assert.Empty(await EventsAsync(id, ProfileUpdated));
    }

    [Fact]
    public async Task Township_staff_change_profiles_of_their_township_only()
    {
        var township = registry.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.RegistryRead, Scopes.RegistryWrite));
        var own = (await WorkerApi.RegisterFullAsync(registry.Client, "419921101202")).GetProperty("id").GetGuid();
        var neighbour = (await WorkerApi.RegisterFullAsync(registry.Client, "419921102201")).GetProperty("id").GetGuid();

        var ownChange = await WorkerApi.PatchAsync(township, own, await WorkerApi.ETagOfAsync(township, own), """{ "education": "primary" }""");
        var neighbourChange = await WorkerApi.PatchAsync(township, neighbour, await WorkerApi.ETagOfAsync(registry.Client, neighbour), """{ "education": "primary" }""");

        Assert.Equal(HttpStatusCode.OK, ownChange.StatusCode);
        await neighbourChange.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("juniorHigh", (await WorkerApi.GetAsync(registry.Client, neighbour)).Worker.GetProperty("education").GetString());
    }

    private async Task<List<JsonElement>> EventsAsync(Guid workerId, string type)
    {
        var json = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT coalesce(json_agg(payload ORDER BY seq), '[]')::text FROM registry.outbox_messages WHERE type = '{type}' AND payload->>'workerId' = '{workerId}'");
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];
    }

    private static void AssertNothingPrivate(JsonElement payload, string nationalId)
    {
        var raw = payload.ToString();
        Assert.DoesNotContain(nationalId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(nationalId[6..14], raw, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("138****5678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("householdSize", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("lowIncome", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("dependentChildren", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("monitored", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("nationalId", raw, StringComparison.OrdinalIgnoreCase);
    }
}
