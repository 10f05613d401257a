using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.JobMatching;
using Homeward.Contracts.Registry;
using Homeward.Testing;

namespace Homeward.Training.Tests.Reports;

/// <summary>Demand from needs and skill gaps; outcomes, scorecards and KPIs from completions, certificates and starts of work.</summary>
public sealed class ReportTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string DemandTownship = "419921102000";
    private const string DemandVillage = "419921102201";
    private const string OutcomeTownship = "419921103000";
    private const string OutcomeVillage = "419921103201";

    [Fact]
    public async Task Demand_per_trade_adds_training_needs_and_skill_gaps_and_suggests_sessions_where_planned_seats_fall_short()
    {
        for (var i = 0; i < 3; i++)
        {
            await training.RegisterWorkerAsync(DemandVillage, ["e-commerce"]);
        }

        await training.RegisterWorkerAsync(DemandVillage, ["welder"]);
        await training.RegisterWorkerAsync(TrainingApi.VillageB, ["e-commerce"]);
        var now = DateTimeOffset.UtcNow;
        var gap = new SkillGapIdentified(Guid.CreateVersion7(), now, "e-commerce", "junior", [], DemandTownship, 45, 5, 40);
        var older = gap with { EventId = Guid.CreateVersion7(), OccurredAt = now.AddHours(-1), Gap = 5 };
        var elsewhere = gap with { EventId = Guid.CreateVersion7(), TradeCode = "welder", Division = TrainingApi.CountyB, Gap = 70 };
        await training.PublishAsync(gap);
        await training.PublishAsync(elsewhere);
        await WaitForInboxAsync(gap.EventId);
        await training.PublishAsync(older);
        await WaitForInboxAsync(older.EventId);
        await WaitForInboxAsync(elsewhere.EventId);
        var courseId = await training.Client.PublishedCourseAsync("e-commerce");
        await training.Client.PlanSessionAsync(courseId, 10, DemandTownship);
        var township = training.ClientFor(Caller.Staff(DemandTownship, Roles.TownshipOfficer, Scopes.TrainingRead));

        var report = await (await township.GetAsync($"{TrainingApi.Root}/demand")).OkAsync();

        Assert.Equal(DemandTownship, report.GetProperty("division").GetString());
        var items = report.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("tradeCode").GetString()!);
        Assert.Equal(["e-commerce", "welder"], items.Keys.Order());
        var ecommerce = items["e-commerce"];
        Assert.Equal((3, 40, 43, 10, 33, 2), (
            ecommerce.GetProperty("workersNeeding").GetInt32(), ecommerce.GetProperty("skillGap").GetInt32(), ecommerce.GetProperty("demand").GetInt32(),
            ecommerce.GetProperty("plannedSeats").GetInt32(), ecommerce.GetProperty("shortfall").GetInt32(), ecommerce.GetProperty("suggestedSessions").GetInt32()));
        Assert.Equal(1, items["welder"].GetProperty("suggestedSessions").GetInt32());
        Assert.Equal(0, items["welder"].GetProperty("skillGap").GetInt32());
    }

    [Fact]
    public async Task Outcomes_count_completion_certification_and_work_started_within_six_months_overall_and_in_the_trade()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5, division: OutcomeTownship, tradeCode: "welder");
        var trainees = new List<(Guid Worker, JsonElement Enrollment)>();
        for (var i = 0; i < 5; i++)
        {
            var workerId = await training.RegisterWorkerAsync(OutcomeVillage, name: $"结业{i}");
            trainees.Add((workerId, await training.Client.EnrollAsync(sessionId, workerId)));
        }

        var session = await training.Client.MoveSessionAsync(sessionId, "inProgress");
        var present = trainees.Take(4).Select(t => t.Worker).ToArray();
        foreach (var kind in new[] { "theory", "practical" })
        {
            await (await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/lessons", new
            {
                heldOn = session.GetProperty("startsOn").GetString(), kind, hours = 5m, topic = kind, presentWorkerIds = present,
            })).CreatedAsync();
        }

        foreach (var (_, enrollment) in trainees.Take(3))
        {
            var current = await (await training.Client.GetAsync($"{TrainingApi.Root}/enrollments/{enrollment.GetProperty("id").GetGuid()}")).OkAsync();
            await (await training.Client.SendWithIfMatchAsync(
                HttpMethod.Post, $"{TrainingApi.Root}/enrollments/{enrollment.GetProperty("id").GetGuid()}/assessment", current, new { theoryScore = 80, practicalScore = 80 })).OkAsync();
        }

        await training.Client.MoveSessionAsync(sessionId, "completed");
        var now = DateTimeOffset.UtcNow;
        var inTrade = new WorkerPlaced(Guid.CreateVersion7(), now, Guid.CreateVersion7(), trainees[0].Worker, Guid.NewGuid(), null, null, false, OutcomeVillage, null, "welder", 5200m, today.AddDays(30));
        var tooLate = inTrade with { EventId = Guid.CreateVersion7(), PlacementId = Guid.CreateVersion7(), WorkerId = trainees[2].Worker, StartDate = today.AddMonths(7) };
        var selfEmployed = new EmploymentStatusChanged(Guid.CreateVersion7(), now, trainees[1].Worker, "seekingWork", "selfEmployed", now, "staff", OutcomeVillage);
        await training.PublishAsync(inTrade);
        await training.PublishAsync(inTrade);
        await training.PublishAsync(tooLate);
        await training.PublishAsync(selfEmployed);
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM training.employment_records WHERE worker_id IN ('{trainees[0].Worker}', '{trainees[1].Worker}', '{trainees[2].Worker}')") == 3,
            "the starts of work to be recorded");
        var township = training.ClientFor(Caller.Staff(OutcomeTownship, Roles.TownshipOfficer, Scopes.TrainingRead));

        var kpis = await (await township.GetAsync($"{TrainingApi.Root}/kpis?from={today.AddDays(-10):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}")).OkAsync();
        Assert.Equal(1, kpis.GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(5, kpis.GetProperty("enrollments").GetInt32());
        Assert.Equal(1, kpis.GetProperty("tradesCovered").GetInt32());
        AssertRates(kpis.GetProperty("outcomes"));

        var scorecards = await (await township.GetAsync($"{TrainingApi.Root}/scorecards")).OkAsync();
        var course = scorecards.GetProperty("courses").EnumerateArray().Single();
        Assert.Equal(0.6m, course.GetProperty("practicalShare").GetDecimal());
        AssertRates(course.GetProperty("outcomes"));
        AssertRates(scorecards.GetProperty("providers").EnumerateArray().Single().GetProperty("outcomes"));
        var outside = await (await township.GetAsync($"{TrainingApi.Root}/kpis?from={today.AddYears(-2):yyyy-MM-dd}&to={today.AddYears(-1):yyyy-MM-dd}")).OkAsync();
        Assert.Equal(0, outside.GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("outcomes").GetProperty("completionRate").ValueKind);
    }

    [Fact]
    public async Task Reports_cover_the_callers_division_only_and_need_staff()
    {
        var countyB = training.ClientFor(Caller.Staff(TrainingApi.CountyB, Roles.CountyOfficer, Scopes.TrainingRead));

        await (await countyB.GetAsync($"{TrainingApi.Root}/demand?division={TrainingApi.CountyA}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await countyB.GetAsync($"{TrainingApi.Root}/scorecards?division={TrainingApi.CountyA}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await countyB.GetAsync($"{TrainingApi.Root}/kpis?division={TrainingApi.CountyA}&from=2026-01-01&to=2026-12-31")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.App(Scopes.TrainingRead)).GetAsync($"{TrainingApi.Root}/demand")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var problem = await (await countyB.GetAsync($"{TrainingApi.Root}/kpis?division=41&to=2026-01-01&from=2026-02-01")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["division", "to"], problem.ErrorFields().Order());
        var own = await (await countyB.GetAsync($"{TrainingApi.Root}/demand")).OkAsync();
        Assert.Equal(TrainingApi.CountyB, own.GetProperty("division").GetString());
    }

    private static void AssertRates(JsonElement outcomes)
    {
        Assert.Equal(5, outcomes.GetProperty("seated").GetInt32());
        Assert.Equal(4, outcomes.GetProperty("completed").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("dropped").GetInt32());
        Assert.Equal(3, outcomes.GetProperty("certified").GetInt32());
        Assert.Equal(0.8m, outcomes.GetProperty("completionRate").GetDecimal());
        Assert.Equal(0.75m, outcomes.GetProperty("certificationRate").GetDecimal());
        Assert.Equal(0.5m, outcomes.GetProperty("employmentRate").GetDecimal());
        Assert.Equal(0.25m, outcomes.GetProperty("inTradeEmploymentRate").GetDecimal());
    }

    private async Task WaitForInboxAsync(Guid eventId) =>
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.inbox_messages WHERE message_id = '{eventId}'") == 1,
            "the event to be consumed");
}
