using System.Net;
using System.Text.Json.Nodes;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Profile;

/// <summary>
/// Every invalid value of every profile group is refused with 400 naming its JSON path, on registration and on a
/// change alike, and nothing is stored.
/// </summary>
public sealed class ProfileValidationTests(RegistryService registry) : IClassFixture<RegistryService>, IAsyncLifetime
{
    private static readonly string LongAddress = new('路', 201);
    private static readonly string LongDescription = new('养', 501);

    private Guid _worker;

    public async Task InitializeAsync() => _worker = (await WorkerApi.RegisterFullAsync(registry.Client)).GetProperty("id").GetGuid();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("residence", """{ "division": "12345", "address": null }""", "residence.division")]
    [InlineData("residence", """{ "division": "990000", "address": null }""", "residence.division")]
    [InlineData("residence", """{ "address": "无地区" }""", "residence.division")]
    [InlineData("education", "\"doctorate\"", "education")]
    [InlineData("education", "3", "education")]
    [InlineData("skills", """[ { "tradeCode": "welder", "level": "junior" }, { "tradeCode": "juggler", "level": "junior" } ]""", "skills[1].tradeCode")]
    [InlineData("skills", """[ { "tradeCode": "welder", "level": "junior" }, { "tradeCode": "welder", "level": "senior" } ]""", "skills[1].tradeCode")]
    [InlineData("skills", """[ { "tradeCode": "welder", "level": "master" } ]""", "skills[0].level")]
    [InlineData("skills", """[ { "level": "junior" } ]""", "skills[0].tradeCode")]
    [InlineData("skills", """[ null ]""", "skills[0].tradeCode")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "skillLevel", "issuer": "人社局", "issuedOn": "2020-01-01" }, { "number": "A-1", "kind": "other", "issuer": "安监局", "issuedOn": "2021-01-01" } ]""", "certificates[1].number")]
    [InlineData("certificates", """[ { "number": " ", "kind": "skillLevel", "issuer": "人社局", "issuedOn": "2020-01-01" } ]""", "certificates[0].number")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "diploma", "issuer": "人社局", "issuedOn": "2020-01-01" } ]""", "certificates[0].kind")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "skillLevel", "tradeCode": "juggler", "issuer": "人社局", "issuedOn": "2020-01-01" } ]""", "certificates[0].tradeCode")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "skillLevel", "issuer": "", "issuedOn": "2020-01-01" } ]""", "certificates[0].issuer")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "skillLevel", "issuer": "人社局", "issuedOn": "2999-01-01" } ]""", "certificates[0].issuedOn")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "skillLevel", "issuer": "人社局" } ]""", "certificates[0].issuedOn")]
    [InlineData("certificates", """[ { "number": "A-1", "kind": "skillLevel", "issuer": "人社局", "issuedOn": "2020-13-01" } ]""", "certificates[0].issuedOn")]
    [InlineData("priorWork", """[ { "region": "110000", "industry": "E", "years": 2 }, { "region": "419921101201", "industry": "E", "years": 2 } ]""", "priorWork[1].region")]
    [InlineData("priorWork", """[ { "region": "110000000000", "industry": "E", "years": 2 } ]""", "priorWork[0].region")]
    [InlineData("priorWork", """[ { "region": "990000", "industry": "E", "years": 2 } ]""", "priorWork[0].region")]
    [InlineData("priorWork", """[ { "region": "110000", "industry": "Z", "years": 2 } ]""", "priorWork[0].industry")]
    [InlineData("priorWork", """[ { "region": "110000", "industry": "e", "years": 2 } ]""", "priorWork[0].industry")]
    [InlineData("priorWork", """[ { "region": "110000", "industry": "E", "years": 0 } ]""", "priorWork[0].years")]
    [InlineData("priorWork", """[ { "region": "110000", "industry": "E", "years": 61 } ]""", "priorWork[0].years")]
    [InlineData("return", """{ "returnedOn": "2999-01-01", "reason": "jobLoss" }""", "return.returnedOn")]
    [InlineData("return", """{ "returnedOn": "1989-12-31", "reason": "jobLoss" }""", "return.returnedOn")]
    [InlineData("return", """{ "returnedOn": "2025-01-01", "reason": "boredom" }""", "return.reason")]
    [InlineData("jobIntention", """{ "trades": [ "welder", "juggler" ], "where": "city", "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.trades[1]")]
    [InlineData("jobIntention", """{ "trades": [ "welder", "welder" ], "where": "city", "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.trades[1]")]
    [InlineData("jobIntention", """{ "trades": [ null ], "where": "city", "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.trades[0]")]
    [InlineData("jobIntention", """{ "trades": [], "where": "moon", "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.where")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "minimumMonthlyWage": 4500.555, "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.minimumMonthlyWage")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "minimumMonthlyWage": -1, "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.minimumMonthlyWage")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "minimumMonthlyWage": 100000.01, "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.minimumMonthlyWage")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "minimumMonthlyWage": "4500", "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.minimumMonthlyWage")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "availableFrom": "2099-01-01", "busyMonths": [], "mustStayNearFamily": false }""", "jobIntention.availableFrom")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "busyMonths": [ { "from": 3, "to": 4 }, { "from": 0, "to": 3 } ], "mustStayNearFamily": false }""", "jobIntention.busyMonths[1].from")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "busyMonths": [ { "from": 11, "to": 13 } ], "mustStayNearFamily": false }""", "jobIntention.busyMonths[0].to")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "busyMonths": [ null ], "mustStayNearFamily": false }""", "jobIntention.busyMonths[0].from")]
    [InlineData("jobIntention", """{ "trades": [], "where": "city", "busyMonths": [ {"from":1,"to":1}, {"from":2,"to":2}, {"from":3,"to":3}, {"from":4,"to":4}, {"from":5,"to":5}, {"from":6,"to":6}, {"from":7,"to":7} ], "mustStayNearFamily": false }""", "jobIntention.busyMonths")]
    [InlineData("entrepreneurship", """{ "interested": true, "industry": "AA", "needsFunding": false }""", "entrepreneurship.industry")]
    [InlineData("trainingNeeds", """[ "e-commerce", "juggler" ]""", "trainingNeeds[1]")]
    [InlineData("trainingNeeds", """[ "e-commerce", "e-commerce" ]""", "trainingNeeds[1]")]
    [InlineData("trainingNeeds", """[ null ]""", "trainingNeeds[0]")]
    [InlineData("family", """{ "householdSize": 0, "dependentChildren": 0, "dependentElderly": 0, "lowIncome": false, "monitored": false }""", "family.householdSize")]
    [InlineData("family", """{ "householdSize": 31, "dependentChildren": 0, "dependentElderly": 0, "lowIncome": false, "monitored": false }""", "family.householdSize")]
    [InlineData("family", """{ "householdSize": 4, "dependentChildren": -1, "dependentElderly": 0, "lowIncome": false, "monitored": false }""", "family.dependentChildren")]
    [InlineData("family", """{ "householdSize": 4, "dependentChildren": 0, "dependentElderly": -2, "lowIncome": false, "monitored": false }""", "family.dependentElderly")]
    [InlineData("family", """{ "householdSize": 5, "dependentChildren": 3, "dependentElderly": 2, "lowIncome": false, "monitored": false }""", "family.householdSize")]
    public async Task An_invalid_value_is_refused_on_registration_and_on_change_naming_its_json_path(string member, string json, string path)
    {
        var body = WorkerApi.FullProfile(NationalIds.Next());
        body[member] = JsonNode.Parse(json);
        var (before, etag) = await WorkerApi.GetAsync(registry.Client, _worker);

        var registration = await WorkerApi.RegisterAsync(registry.Client, body);
        var change = await WorkerApi.PatchAsync(registry.Client, _worker, etag, new JsonObject { [member] = JsonNode.Parse(json) }.ToJsonString());

        Assert.Contains(path, (await registration.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains(path, (await change.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var (after, etagAfter) = await WorkerApi.GetAsync(registry.Client, _worker);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Theory]
    [InlineData("residence", """{ "division": "110105000000", "address": "LONG" }""", "residence.address")]
    [InlineData("entrepreneurship", """{ "interested": true, "industry": "A", "description": "LONG", "needsFunding": false }""", "entrepreneurship.description")]
    public async Task A_text_longer_than_allowed_is_refused_naming_its_path(string member, string json, string path)
    {
        var body = WorkerApi.FullProfile(NationalIds.Next());
        body[member] = JsonNode.Parse(json.Replace("LONG", member == "residence" ? LongAddress : LongDescription, StringComparison.Ordinal));

        var response = await WorkerApi.RegisterAsync(registry.Client, body);

        Assert.Contains(path, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Every_invalid_profile_value_is_reported_at_once()
    {
        var body = WorkerApi.FullProfile(NationalIds.Next());
        body["skills"] = JsonNode.Parse("""[ { "tradeCode": "welder", "level": "junior" }, { "tradeCode": "juggler", "level": "junior" } ]""");
        body["priorWork"] = JsonNode.Parse("""[ { "region": "990000", "industry": "Z", "years": 0 } ]""");
        body["trainingNeeds"] = JsonNode.Parse("""[ "juggler" ]""");
        body["family"] = JsonNode.Parse("""{ "householdSize": 2, "dependentChildren": 1, "dependentElderly": 1, "lowIncome": true, "monitored": false }""");

        var response = await WorkerApi.RegisterAsync(registry.Client, body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["family.householdSize", "priorWork[0].industry", "priorWork[0].region", "priorWork[0].years", "skills[1].tradeCode", "trainingNeeds[0]"],
            problem.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_names_where_the_first_occurrence_is()
    {
        var body = WorkerApi.FullProfile(NationalIds.Next());
        body["skills"] = JsonNode.Parse("""[ { "tradeCode": "welder", "level": "junior" }, { "tradeCode": "cnc-operator", "level": "junior" }, { "tradeCode": "welder", "level": "senior" } ]""");

        var problem = await (await WorkerApi.RegisterAsync(registry.Client, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("skills[0]", problem.GetProperty("errors").GetProperty("skills[2].tradeCode")[0].GetString(), StringComparison.Ordinal);
    }
}
