using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Policies;

/// <summary>The catalog: policies with versioned terms; a change adds a version and the old ones stay readable.</summary>
public sealed class PolicyCatalogTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    [Fact]
    public async Task A_defined_policy_is_version_1_with_its_terms()
    {
        var request = PolicyRequests.Policy(rule: """{"all":[{"fact":"age","op":"le","value":45},{"not":{"fact":"benefitsReceived","op":"contains","value":"startup-subsidy"}}]}""");

        var response = await subsidy.Client.PostAsJsonAsync($"{SubsidyApi.Root}/policies", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var policy = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(1, policy.GetProperty("version").GetInt32());
        Assert.Equal(
            request["eligibility"]!.ToJsonString(),
            JsonNode.Parse(policy.GetProperty("terms").GetProperty("eligibility").GetRawText())!.ToJsonString());
        Assert.True(policy.GetProperty("terms").GetProperty("documents")[0].GetProperty("platformVerifiable").GetBoolean());
        Assert.Equal(response.Headers.Location!.OriginalString, $"{SubsidyApi.Root}/policies/{policy.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Revising_a_policy_adds_a_version_and_keeps_the_old_one()
    {
        var created = await subsidy.Client.DefineAsync(PolicyRequests.Policy(amount: 5000m));
        var path = $"{SubsidyApi.Root}/policies/{created.GetProperty("id").GetGuid()}";
        var (_, etag) = await subsidy.Client.ReadWithETagAsync(path);
        var revised = PolicyRequests.WithoutCodeAndKind(PolicyRequests.Policy(amount: 8000m, rule: """{"fact":"age","op":"le","value":50}"""));

        var response = await subsidy.Client.SendWithIfMatchAsync(HttpMethod.Put, path, revised, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var current = await subsidy.Client.ReadJsonAsync(path);
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(8000m, current.GetProperty("terms").GetProperty("amount").GetProperty("base").GetDecimal());
        var first = await subsidy.Client.ReadJsonAsync($"{path}/versions/1");
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(5000m, first.GetProperty("terms").GetProperty("amount").GetProperty("base").GetDecimal());
        await (await subsidy.Client.GetAsync($"{path}/versions/3")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revision_needs_the_current_etag()
    {
        var created = await subsidy.Client.DefineAsync(PolicyRequests.Policy());
        var path = $"{SubsidyApi.Root}/policies/{created.GetProperty("id").GetGuid()}";
        var (_, etag) = await subsidy.Client.ReadWithETagAsync(path);
        var revised = PolicyRequests.WithoutCodeAndKind(PolicyRequests.Policy());
        Assert.Equal(HttpStatusCode.OK, (await subsidy.Client.SendWithIfMatchAsync(HttpMethod.Put, path, revised, etag)).StatusCode);

        await (await subsidy.Client.SendWithIfMatchAsync(HttpMethod.Put, path, revised, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await subsidy.Client.SendWithIfMatchAsync(HttpMethod.Put, path, revised, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_rule_whose_comparison_does_not_fit_its_fact_is_a_400_naming_the_eligibility()
    {
        var response = await subsidy.Client.PostAsJsonAsync(
            $"{SubsidyApi.Root}/policies", PolicyRequests.Policy(rule: """{"all":[{"fact":"age","op":"in","value":["a"]}]}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("rule.all[0]", problem.GetProperty("errors").GetProperty("eligibility")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_outside_the_language_and_missing_terms_are_400s()
    {
        await (await subsidy.Client.PostAsJsonAsync($"{SubsidyApi.Root}/policies", PolicyRequests.Policy(rule: """{"fact":"shoeSize","op":"eq","value":1}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var incomplete = PolicyRequests.Policy();
        incomplete.Remove("annualBudget");
        incomplete.Remove("deadlines");
        incomplete["documents"] = new JsonArray(new JsonObject { ["code"] = "bankStatement", ["title"] = "流水", ["platformVerifiable"] = true });
        var problem = await (await subsidy.Client.PostAsJsonAsync($"{SubsidyApi.Root}/policies", incomplete)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("annualBudget", out _));
        Assert.True(errors.TryGetProperty("deadlines", out _));
        Assert.True(errors.TryGetProperty("documents[0].code", out _));
    }

    [Fact]
    public async Task A_code_already_in_use_is_a_409_pointing_to_the_policy()
    {
        var code = PolicyRequests.NewCode();
        var first = await subsidy.Client.DefineAsync(PolicyRequests.Policy(code));

        var response = await subsidy.Client.PostAsJsonAsync($"{SubsidyApi.Root}/policies", PolicyRequests.Policy(code));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith(first.GetProperty("id").GetGuid().ToString(), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_city_defines_policies_and_everyone_with_the_read_scope_reads_them()
    {
        var county = subsidy.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.SubsidyRead, Scopes.SubsidyWrite));

        await (await county.PostAsJsonAsync($"{SubsidyApi.Root}/policies", PolicyRequests.Policy())).AssertProblemAsync(HttpStatusCode.Forbidden);
        var created = await subsidy.Client.DefineAsync(PolicyRequests.Policy());
        var listed = await county.ReadJsonAsync($"{SubsidyApi.Root}/policies?limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
    }
}
