using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Gateway.Kpis;
using Homeward.Testing;

namespace Homeward.Gateway.Tests;

/// <summary>One request gathers every service's KPIs; whatever a service does, the caller gets an answer that says what is in it.</summary>
public sealed class KpiCompositionTests(KpiGateway gateway) : IClassFixture<KpiGateway>
{
    private const string County = "419901000000";

    private static readonly Caller CountyOfficer = Caller.Staff(County, Roles.CountyOfficer, Scopes.RegistryRead, Scopes.JobMatchingRead);

    [Fact]
    public async Task Services_that_are_down_slow_or_refusing_leave_a_partial_answer_naming_each_missing_part()
    {
        var response = await gateway.ClientFor(CountyOfficer).GetAsync($"{KpiCompositionEndpoints.Path}?division={County}&from=2026-01-01&to=2026-06-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(answer.GetProperty("complete").GetBoolean());
        Assert.Equal(12000, answer.GetProperty("parts").GetProperty("registry").GetProperty("registered").GetInt32());
        Assert.Equal(["registry"], answer.GetProperty("parts").EnumerateObject().Select(p => p.Name));

        var missing = answer.GetProperty("missing").EnumerateArray().ToDictionary(m => m.GetProperty("service").GetString()!);
        Assert.Equal(["job-matching", "subsidy", "training"], missing.Keys.Order());
        Assert.Contains("in time", missing["job-matching"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("could not be reached", missing["subsidy"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(403, missing["training"].GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, missing["subsidy"].GetProperty("status").ValueKind);
    }

    [Fact]
    public async Task Each_service_is_asked_with_the_callers_token_and_query()
    {
        var token = gateway.Tokens.TokenFor(CountyOfficer);

        var answer = await gateway.ClientWithToken(token).GetFromJsonAsync<JsonElement>($"{KpiCompositionEndpoints.Path}?from=2026-01-01");

        var registry = answer.GetProperty("parts").GetProperty("registry");
        Assert.Equal($"Bearer {token}", registry.GetProperty("authorization").GetString());
        Assert.Equal("?from=2026-01-01", registry.GetProperty("query").GetString());
    }

    [Fact]
    public async Task The_slow_service_costs_the_caller_no_more_than_the_configured_wait()
    {
        var started = TimeProvider.System.GetTimestamp();

        var response = await gateway.ClientFor(CountyOfficer).GetAsync(KpiCompositionEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(
            TimeProvider.System.GetElapsedTime(started) < KpiGateway.Timeout * 5,
            "The gateway waited for the slow service far beyond its timeout instead of leaving it out.");
    }

    [Fact]
    public async Task A_division_outside_the_callers_own_is_refused()
    {
        var response = await gateway.ClientFor(CountyOfficer).GetAsync($"{KpiCompositionEndpoints.Path}?division=419902000000");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("?division=12345", "division")]
    [InlineData("?from=2026-07-01&to=2026-06-30", "from")]
    public async Task A_malformed_division_or_an_inverted_period_is_a_validation_problem(string query, string field)
    {
        var response = await gateway.ClientFor(CountyOfficer).GetAsync(KpiCompositionEndpoints.Path + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task Anonymous_callers_and_partner_clients_are_refused()
    {
        await (await gateway.Anonymous.GetAsync(KpiCompositionEndpoints.Path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await gateway.ClientFor(Caller.Partner("beijing")).GetAsync(KpiCompositionEndpoints.Path)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
