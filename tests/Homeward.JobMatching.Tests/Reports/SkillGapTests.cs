using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Reports;

public sealed class SkillGapTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string Township = "419921103000";
    private const string Village = "419921103201";

    [Fact]
    public async Task Unfilled_places_are_set_against_the_candidates_who_meet_the_requirement_and_gaps_are_announced()
    {
        var township = jobMatching.ClientFor(Caller.Staff(Township, Roles.TownshipOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        await Workers.RegisterAsync(jobMatching, Workers.Welder(), Village);
        await Workers.RegisterAsync(jobMatching, Workers.Welder(certified: false), Village);
        await Workers.RegisterAsync(jobMatching, Workers.Welder(level: "junior"), Village);
        await township.CreateVacancyAsync(Village, headcount: 3);
        await township.CreateVacancyAsync(Village, headcount: 2);

        var report = await township.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/skill-gaps");

        var gap = Assert.Single(report.GetProperty("items").EnumerateArray());
        Assert.Equal("welder", gap.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", gap.GetProperty("level").GetString());
        Assert.Equal(["welder:intermediate"], gap.GetProperty("certificates").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, gap.GetProperty("openVacancies").GetInt32());
        Assert.Equal(5, gap.GetProperty("unfilledHeadcount").GetInt32());
        Assert.Equal(1, gap.GetProperty("qualifiedCandidates").GetInt32());
        Assert.Equal(4, gap.GetProperty("gap").GetInt32());

        var county = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var published = await county.PostAsync($"{JobMatchingApi.Root}/skill-gaps/publications?division={Township}", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var payload = JsonDocument.Parse(await Eventually.MatchesAsync(
            () => jobMatching.Database.ScalarAsAdminAsync<string>(
                $"SELECT payload::text FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:skill-gap-identified:v1' AND payload->>'division' = '{Township}' AND processed_at IS NOT NULL"),
            text => text is not null,
            "SkillGapIdentified to be published")).RootElement;
        Assert.Equal(4, payload.GetProperty("gap").GetInt32());
        Assert.Equal(Township, payload.GetProperty("division").GetString());
        Assert.Equal("welder", payload.GetProperty("tradeCode").GetString());
    }

    [Fact]
    public async Task The_citys_gaps_are_announced_once_a_day_by_themselves()
    {
        await Workers.RegisterAsync(jobMatching, Workers.Welder(trade: "electrician"), "419921103202");
        await jobMatching.Client.CreateVacancyAsync("419921103202", "electrician", 4);
        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM jobmatching.skill_gap_publications") == 1,
            "today's announcement to be recorded");

        // Today's announcement came before these vacancies; forgetting it lets the service announce the day again.
        await jobMatching.Database.ExecuteAsAdminAsync("DELETE FROM jobmatching.skill_gap_publications");

        var payload = JsonDocument.Parse(await Eventually.MatchesAsync(
            () => jobMatching.Database.ScalarAsAdminAsync<string>(
                "SELECT payload::text FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:skill-gap-identified:v1' "
                + "AND payload->>'division' = '419900000000' AND payload->>'tradeCode' = 'electrician'"),
            text => text is not null,
            "the city's electrician gap to be announced")).RootElement;
        Assert.Equal(3, payload.GetProperty("gap").GetInt32());
        await Task.Delay(600);
        Assert.Equal(1L, await jobMatching.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM jobmatching.skill_gap_publications"));
        Assert.Equal(1L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            "SELECT count(*) FROM jobmatching.outbox_messages WHERE payload->>'division' = '419900000000' AND payload->>'tradeCode' = 'electrician'"));
    }

    [Fact]
    public async Task The_report_of_another_division_is_refused_and_only_offices_publish()
    {
        var otherCounty = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var township = jobMatching.ClientFor(Caller.Staff(Township, Roles.TownshipOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));

        await (await otherCounty.GetAsync($"{JobMatchingApi.Root}/skill-gaps?division={Township}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await township.PostAsync($"{JobMatchingApi.Root}/skill-gaps/publications", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
