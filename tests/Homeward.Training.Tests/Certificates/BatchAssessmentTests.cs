using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Training.Tests.Certificates;

/// <summary>A session's score sheet in one request: the single assessment's rules per trainee, first results only, nothing twice.</summary>
public sealed class BatchAssessmentTests(TrainingService training) : IClassFixture<TrainingService>
{
    [Fact]
    public async Task A_sheet_records_the_trainees_scores_refuses_those_not_assessable_and_the_pass_earns_the_certificate_at_completion()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var workers = await training.RegisterWorkersDirectlyAsync(3);
        var (passes, fails, waiting) = (workers[0], workers[1], workers[2]);
        await (await training.Client.EnrollBatchAsync(sessionId, workers)).OkAsync();
        await training.Client.MoveSessionAsync(sessionId, "inProgress");
        await training.Client.RecordLessonAsync(sessionId, "theory", 4m, [passes, fails]);
        await training.Client.RecordLessonAsync(sessionId, "practical", 6m, [passes, fails]);

        var report = await (await training.Client.RecordSheetAsync(sessionId, (passes, 80, 75), (fails, 85, 40), (waiting, 90, 90), (Guid.NewGuid(), 70, 70))).OkAsync();

        Assert.Equal((2, 0, 2), Counts(report));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["recorded", "recorded", "rejected", "rejected"], items.Select(i => i.GetProperty("result").GetString()));
        Assert.True(items[0].GetProperty("enrollment").GetProperty("passed").GetBoolean());
        Assert.False(items[1].GetProperty("enrollment").GetProperty("passed").GetBoolean());
        Assert.Equal(40, items[1].GetProperty("enrollment").GetProperty("practicalScore").GetInt32());
        Assert.Equal((422, "enrollment-not-assessable"), items[2].ItemProblem());
        Assert.Equal((404, "not-enrolled"), items[3].ItemProblem());
        Assert.All(items.Skip(2), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("enrollment").ValueKind));
        Assert.Equal(0L, await CertificatesAnnouncedAsync(sessionId));

        await training.Client.MoveSessionAsync(sessionId, "completed");

        Assert.Equal(1L, await CertificatesAnnouncedAsync(sessionId));
        Assert.Equal(1L, await training.OutboxCountAsync("certificate-issued", "workerId", passes));
        Assert.Equal(0L, await training.OutboxCountAsync("certificate-issued", "workerId", fails));
    }

    [Fact]
    public async Task A_sheet_after_completion_certifies_at_once_sent_again_changes_nothing_and_other_scores_are_a_conflict()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var workers = await training.RegisterWorkersDirectlyAsync(2);
        await (await training.Client.EnrollBatchAsync(sessionId, workers)).OkAsync();
        await training.Client.MoveSessionAsync(sessionId, "inProgress");
        await training.Client.RecordLessonAsync(sessionId, "practical", 8m, workers);
        await training.Client.MoveSessionAsync(sessionId, "completed");
        (Guid, int, int)[] sheet = [(workers[0], 90, 88), (workers[1], 60, 59)];

        var first = await (await training.Client.RecordSheetAsync(sessionId, sheet)).OkAsync();

        Assert.Equal((2, 0, 0), Counts(first));
        var certified = first.GetProperty("items")[0].GetProperty("enrollment");
        Assert.NotEqual(JsonValueKind.Null, certified.GetProperty("certificateId").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("items")[1].GetProperty("enrollment").GetProperty("certificateId").ValueKind);
        Assert.Equal(1L, await training.OutboxCountAsync("certificate-issued", "workerId", workers[0]));
        var certificates = await (await training.Client.GetAsync($"{TrainingApi.Root}/certificates?workerId={workers[0]}")).OkAsync();
        Assert.Equal(certified.GetProperty("certificateId").GetGuid(), certificates.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());

        var again = await (await training.Client.RecordSheetAsync(sessionId, sheet)).OkAsync();

        Assert.Equal((0, 2, 0), Counts(again));
        Assert.Equal(certified.GetProperty("rowVersion").GetUInt32(), again.GetProperty("items")[0].GetProperty("enrollment").GetProperty("rowVersion").GetUInt32());
        Assert.Equal(1L, await training.OutboxCountAsync("certificate-issued", "workerId", workers[0]));
        Assert.Equal(1L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.certificates WHERE worker_id = '{workers[0]}'"));

        var corrected = await (await training.Client.RecordSheetAsync(sessionId, (workers[1], 60, 75))).OkAsync();

        Assert.Equal((409, "already-assessed"), corrected.GetProperty("items")[0].ItemProblem());
        Assert.Equal(0L, await training.OutboxCountAsync("certificate-issued", "workerId", workers[1]));
        var unchanged = await (await training.Client.GetAsync($"{TrainingApi.Root}/enrollments/{first.GetProperty("items")[1].GetProperty("enrollment").GetProperty("id").GetGuid()}")).OkAsync();
        Assert.Equal(59, unchanged.GetProperty("practicalScore").GetInt32());
    }

    [Fact]
    public async Task A_county_office_records_scores_only_of_its_own_workers_trainees_elsewhere_are_refused_as_not_enrolled()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var inA = (await training.RegisterWorkersDirectlyAsync(1, TrainingApi.VillageA))[0];
        var inB = (await training.RegisterWorkersDirectlyAsync(1, TrainingApi.VillageB))[0];
        await (await training.Client.EnrollBatchAsync(sessionId, [inA, inB])).OkAsync();
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));

        var report = await (await countyA.RecordSheetAsync(sessionId, (inA, 70, 70), (inB, 70, 70))).OkAsync();

        Assert.Equal((1, 0, 1), Counts(report));
        Assert.Equal((404, "not-enrolled"), report.GetProperty("items")[1].ItemProblem());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("items")[1].GetProperty("enrollment").ValueKind);
        Assert.Equal(0L, await training.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM training.enrollments WHERE worker_id = '{inB}' AND theory_score IS NOT NULL"));
    }

    [Fact]
    public async Task A_bad_sheet_is_a_validation_problem_naming_the_field_and_an_unknown_session_is_not_found()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var workerId = Guid.NewGuid();
        var path = $"{TrainingApi.Root}/sessions/{sessionId}/assessments/batch";

        Assert.Equal(["scores"], (await (await training.Client.RecordSheetAsync(sessionId)).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["scores"], (await (await training.Client.PostAsJsonAsync(path, new { })).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(
            ["scores"],
            (await (await training.Client.RecordSheetAsync(sessionId, [.. Enumerable.Range(0, 501).Select(_ => (Guid.NewGuid(), 60, 60))])).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(
            ["scores[2].workerId"],
            (await (await training.Client.RecordSheetAsync(sessionId, (workerId, 60, 60), (Guid.NewGuid(), 60, 60), (workerId, 70, 70))).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(
            ["scores[0].practicalScore", "scores[0].theoryScore", "scores[1].workerId"],
            (await (await training.Client.PostAsJsonAsync(path, new { scores = new object[] { new { workerId, theoryScore = 101 }, new { theoryScore = 60, practicalScore = 60 } } }))
                .AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());
        await (await training.Client.RecordSheetAsync(Guid.NewGuid(), (workerId, 60, 60))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recording_a_sheet_needs_the_write_scope_and_an_office_role()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var workers = await training.RegisterWorkersDirectlyAsync(1);
        await (await training.Client.EnrollBatchAsync(sessionId, workers)).OkAsync();

        await (await training.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.TrainingRead)).RecordSheetAsync(sessionId, (workers[0], 80, 80)))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.Staff(Caller.City, Roles.VillageCollector, Scopes.TrainingWrite)).RecordSheetAsync(sessionId, (workers[0], 80, 80)))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.App(Scopes.TrainingWrite)).RecordSheetAsync(sessionId, (workers[0], 80, 80))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.enrollments WHERE session_id = '{sessionId}' AND theory_score IS NOT NULL"));
    }

    private static (int Recorded, int Unchanged, int Rejected) Counts(JsonElement report) =>
        (report.GetProperty("recorded").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32());

    private async Task<long> CertificatesAnnouncedAsync(Guid sessionId) =>
        await training.Database.ScalarAsAdminAsync<long>(
            $"""
            SELECT count(*) FROM training.outbox_messages o JOIN training.enrollments e ON e.worker_id = (o.payload->>'workerId')::uuid
            WHERE o.type = 'urn:message:homeward:training:certificate-issued:v1' AND e.session_id = '{sessionId}'
            """);
}
