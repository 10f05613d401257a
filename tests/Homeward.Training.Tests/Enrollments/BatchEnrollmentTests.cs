using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Training.Tests.Enrollments;

/// <summary>A session's roster enrolled in one request: the single enrollment's rules per worker, a result per worker, nothing twice.</summary>
public sealed class BatchEnrollmentTests(TrainingService training) : IClassFixture<TrainingService>
{
    [Fact]
    public async Task A_roster_seats_workers_in_its_order_until_the_session_is_full_waitlists_the_rest_and_sent_again_changes_nothing()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 3);
        var workers = await training.RegisterWorkersDirectlyAsync(5);

        var report = await (await training.Client.EnrollBatchAsync(sessionId, workers)).OkAsync();

        Assert.Equal((5, 0, 0), Counts(report));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(workers, items.Select(i => i.GetProperty("workerId").GetGuid()));
        Assert.Equal([0, 1, 2, 3, 4], items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.All(items, i => Assert.Equal("created", i.GetProperty("result").GetString()));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("problem").ValueKind));
        var enrollments = items.Select(i => i.GetProperty("enrollment")).ToList();
        Assert.Equal(["enrolled", "enrolled", "enrolled", "waitlisted", "waitlisted"], enrollments.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], enrollments.Select(e => e.GetProperty("arrival").GetInt64()));
        Assert.Equal([null, null, null, 1, 2], enrollments.Select(WaitlistPosition));
        Assert.Equal(3L, await SeatsAnnouncedAsync(sessionId));
        foreach (var seated in workers.Take(3))
        {
            Assert.Equal(1L, await training.OutboxCountAsync("training-enrolled", "workerId", seated));
        }

        var again = await (await training.Client.EnrollBatchAsync(sessionId, workers)).OkAsync();

        Assert.Equal((0, 5, 0), Counts(again));
        Assert.All(again.GetProperty("items").EnumerateArray(), i => Assert.Equal("alreadyEnrolled", i.GetProperty("result").GetString()));
        Assert.Equal(
            enrollments.Select(e => e.GetProperty("id").GetGuid()),
            again.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("enrollment").GetProperty("id").GetGuid()));
        Assert.Equal([null, null, null, 1, 2], again.GetProperty("items").EnumerateArray().Select(i => WaitlistPosition(i.GetProperty("enrollment"))));
        Assert.Equal(3L, await SeatsAnnouncedAsync(sessionId));
        Assert.Equal(5L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.enrollments WHERE session_id = '{sessionId}'"));
        Assert.Equal(0, (await (await training.Client.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}")).OkAsync()).GetProperty("seatsLeft").GetInt32());
    }

    [Fact]
    public async Task A_roster_sent_again_with_the_same_idempotency_key_replays_the_first_answer()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var workers = await training.RegisterWorkersDirectlyAsync(2);
        Task<HttpResponseMessage> Send() => training.Client.PostWithIdempotencyKeyAsync(
            $"{TrainingApi.Root}/sessions/{sessionId}/enrollments/batch", new { workerIds = workers }, $"roster-{sessionId}");

        var first = await (await Send()).OkAsync();
        var replayed = await (await Send()).OkAsync();

        Assert.Equal(first.GetRawText(), replayed.GetRawText());
        Assert.Equal((2, 0, 0), Counts(replayed));
        Assert.Equal(2L, await SeatsAnnouncedAsync(sessionId));
    }

    [Fact]
    public async Task Workers_unknown_unregistered_or_outside_the_callers_division_are_refused_one_by_one_and_the_others_enrolled()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 10, division: TrainingApi.CountyB);
        var inA = await training.RegisterWorkersDirectlyAsync(2, TrainingApi.VillageA);
        var inB = (await training.RegisterWorkersDirectlyAsync(1, TrainingApi.VillageB))[0];
        var unknown = Guid.NewGuid();
        var alreadyEnrolled = await training.Client.EnrollAsync(sessionId, inA[1]);
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));

        var report = await (await countyA.EnrollBatchAsync(sessionId, [inA[0], inB, unknown, inA[1]])).OkAsync();

        Assert.Equal((1, 1, 2), Counts(report));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "rejected", "rejected", "alreadyEnrolled"], items.Select(i => i.GetProperty("result").GetString()));
        Assert.Equal(alreadyEnrolled.GetProperty("id").GetGuid(), items[3].GetProperty("enrollment").GetProperty("id").GetGuid());
        foreach (var refused in new[] { items[1], items[2] })
        {
            // A worker of another county is refused exactly like one that does not exist: nothing about them is shown.
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("enrollment").ValueKind);
            Assert.Equal(404, refused.GetProperty("problem").GetProperty("status").GetInt32());
            Assert.Equal("worker-not-found", refused.GetProperty("problem").GetProperty("code").GetString());
        }

        Assert.Equal(["index", "workerId", "result", "enrollment", "problem"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["arrival", "certificateId", "endedOn", "id", "passed", "practicalScore", "requestedAt", "rowVersion", "seatedAt", "sessionId", "status", "theoryScore", "waitlistPosition", "workerDivision", "workerId", "workerName"],
            items[0].GetProperty("enrollment").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0L, await training.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM training.enrollments WHERE session_id = '{sessionId}' AND worker_id IN ('{inB}', '{unknown}')"));
        Assert.Equal(0L, await training.OutboxCountAsync("training-enrolled", "workerId", inB));
        Assert.Equal(1L, await training.OutboxCountAsync("training-enrolled", "workerId", inA[0]));
    }

    [Fact]
    public async Task Two_rosters_of_the_same_workers_sent_at_once_enroll_each_worker_once_and_seat_no_more_than_the_capacity()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 60);
        var workers = await training.RegisterWorkersDirectlyAsync(100);

        var reports = await Task.WhenAll(
            Task.Run(async () => await (await training.Client.EnrollBatchAsync(sessionId, workers)).OkAsync()),
            Task.Run(async () => await (await training.Client.EnrollBatchAsync(sessionId, workers.Reverse())).OkAsync()));

        Assert.Equal(100, reports.Sum(r => r.GetProperty("created").GetInt32()));
        Assert.Equal(100, reports.Sum(r => r.GetProperty("alreadyEnrolled").GetInt32()));
        Assert.Equal(100L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(DISTINCT worker_id) FROM training.enrollments WHERE session_id = '{sessionId}'"));
        Assert.Equal(60L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.enrollments WHERE session_id = '{sessionId}' AND status = 'Enrolled'"));
        Assert.Equal(60L, await SeatsAnnouncedAsync(sessionId));
    }

    [Fact]
    public async Task A_session_not_open_takes_no_roster_and_an_unknown_session_is_not_found()
    {
        var courseId = await training.Client.PublishedCourseAsync();
        var planned = (await training.Client.PlanSessionAsync(courseId, 5)).GetProperty("id").GetGuid();
        var workers = await training.RegisterWorkersDirectlyAsync(2);

        var notOpen = await (await training.Client.EnrollBatchAsync(planned, workers)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("session-not-open", notOpen.GetProperty("code").GetString());
        Assert.Equal(0L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.enrollments WHERE session_id = '{planned}'"));
        await (await training.Client.EnrollBatchAsync(Guid.NewGuid(), workers)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_oversized_or_repetitive_roster_is_a_validation_problem_naming_the_field()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var workerId = Guid.NewGuid();
        var path = $"{TrainingApi.Root}/sessions/{sessionId}/enrollments/batch";

        Assert.Equal(["workerIds"], (await (await training.Client.EnrollBatchAsync(sessionId, [])).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["workerIds"], (await (await training.Client.PostAsJsonAsync(path, new { })).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(
            ["workerIds"],
            (await (await training.Client.EnrollBatchAsync(sessionId, Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()))).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(
            ["workerIds[2]"],
            (await (await training.Client.EnrollBatchAsync(sessionId, [workerId, Guid.NewGuid(), workerId])).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(
            ["workerIds[1]"],
            (await (await training.Client.PostAsJsonAsync(path, new { workerIds = new Guid?[] { workerId, null } })).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Enrolling_a_roster_needs_the_write_scope_and_an_office_role()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var workers = await training.RegisterWorkersDirectlyAsync(1);

        await (await training.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.TrainingRead)).EnrollBatchAsync(sessionId, workers))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.Staff(Caller.City, Roles.VillageCollector, Scopes.TrainingWrite)).EnrollBatchAsync(sessionId, workers))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.App(Scopes.TrainingWrite)).EnrollBatchAsync(sessionId, workers)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.enrollments WHERE session_id = '{sessionId}'"));
    }

    private static (int Created, int AlreadyEnrolled, int Rejected) Counts(JsonElement report) =>
        (report.GetProperty("created").GetInt32(), report.GetProperty("alreadyEnrolled").GetInt32(), report.GetProperty("rejected").GetInt32());

    private static int? WaitlistPosition(JsonElement enrollment) =>
        enrollment.GetProperty("waitlistPosition").ValueKind == JsonValueKind.Null ? null : enrollment.GetProperty("waitlistPosition").GetInt32();

    private async Task<long> SeatsAnnouncedAsync(Guid sessionId) =>
        await training.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM training.outbox_messages WHERE type = 'urn:message:homeward:training:training-enrolled:v1' AND payload->>'sessionId' = '{sessionId}'");
}
