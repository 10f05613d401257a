using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Training.Tests.Enrollments;

/// <summary>Enrollment: registered workers only, seats up to the capacity, a waitlist in order of arrival that moves up on withdrawal.</summary>
public sealed class EnrollmentTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Enrollments = $"{TrainingApi.Root}/enrollments";

    [Fact]
    public async Task Seats_go_to_the_first_arrivals_the_next_wait_and_a_withdrawal_moves_the_first_waiting_up()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var workers = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            workers.Add(await training.RegisterWorkerAsync(name: $"学员{i}"));
        }

        var enrollments = new List<JsonElement>();
        foreach (var workerId in workers)
        {
            enrollments.Add(await training.Client.EnrollAsync(sessionId, workerId));
        }

        Assert.Equal(["enrolled", "enrolled", "waitlisted", "waitlisted"], enrollments.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal([null, null, 1, 2], enrollments.Select(e => e.GetProperty("waitlistPosition").ValueKind == JsonValueKind.Null ? (int?)null : e.GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal("学员0", enrollments[0].GetProperty("workerName").GetString());
        Assert.Equal(1L, await training.OutboxCountAsync("training-enrolled", "workerId", workers[0]));
        Assert.Equal(0L, await training.OutboxCountAsync("training-enrolled", "workerId", workers[2]));

        var seated = await (await training.Client.GetAsync($"{Enrollments}/{enrollments[1].GetProperty("id").GetGuid()}")).OkAsync();
        var withdrawn = await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Enrollments}/{seated.GetProperty("id").GetGuid()}/withdraw", seated)).OkAsync();

        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(1L, await training.OutboxCountAsync("training-dropped", "workerId", workers[1]));
        var movedUp = await (await training.Client.GetAsync($"{Enrollments}/{enrollments[2].GetProperty("id").GetGuid()}")).OkAsync();
        Assert.Equal("enrolled", movedUp.GetProperty("status").GetString());
        Assert.Equal(1L, await training.OutboxCountAsync("training-enrolled", "workerId", workers[2]));
        var stillWaiting = await (await training.Client.GetAsync($"{Enrollments}/{enrollments[3].GetProperty("id").GetGuid()}")).OkAsync();
        Assert.Equal(1, stillWaiting.GetProperty("waitlistPosition").GetInt32());
        var session = await (await training.Client.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}")).OkAsync();
        Assert.Equal(2, session.GetProperty("enrolled").GetInt32());
        await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Enrollments}/{seated.GetProperty("id").GetGuid()}/withdraw", withdrawn))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Five_hundred_concurrent_enrollments_for_a_hundred_seats_seat_exactly_a_hundred_and_waitlist_the_rest_in_order_of_arrival()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 100);
        var workers = await training.RegisterWorkersDirectlyAsync(500);

        var responses = await Task.WhenAll(workers.Select(async workerId =>
        {
            using var response = await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId });
            return await response.CreatedAsync();
        }));

        Assert.Equal(100, responses.Count(r => r.GetProperty("status").GetString() == "enrolled"));
        Assert.Equal(400, responses.Count(r => r.GetProperty("status").GetString() == "waitlisted"));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), responses.Select(r => r.GetProperty("arrival").GetInt64()).Order());
        Assert.All(responses, r => Assert.Equal(r.GetProperty("arrival").GetInt64() <= 100 ? "enrolled" : "waitlisted", r.GetProperty("status").GetString()));
        Assert.All(
            responses.Where(r => r.GetProperty("status").GetString() == "waitlisted"),
            r => Assert.Equal(r.GetProperty("arrival").GetInt64() - 100, r.GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal(100L, await training.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM training.outbox_messages WHERE type = 'urn:message:homeward:training:training-enrolled:v1' AND payload->>'sessionId' = '{sessionId}'"));
        Assert.Equal(100, (await (await training.Client.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}")).OkAsync()).GetProperty("enrolled").GetInt32());
        // Arrival is the order the requests took the session's lock, which is also the order of their recorded request times.
        Assert.True(await training.Database.ScalarAsAdminAsync<bool>(
            $"SELECT bool_and(in_time) FROM (SELECT requested_at >= lag(requested_at, 1, '-infinity') OVER (ORDER BY arrival) AS in_time FROM training.enrollments WHERE session_id = '{sessionId}') t"));
    }

    [Fact]
    public async Task Only_registered_workers_of_the_callers_division_are_enrolled_and_only_once()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var inCountyB = await training.RegisterWorkerAsync(TrainingApi.VillageB);
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));

        await (await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId = inCountyB }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await training.Client.EnrollAsync(sessionId, inCountyB);
        var again = await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId = inCountyB });
        Assert.Equal("already-enrolled", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await (await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_enrollment_sent_again_with_the_same_idempotency_key_replays_the_first_answer()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var workerId = await training.RegisterWorkerAsync();
        Task<HttpResponseMessage> Send() => training.Client.PostWithIdempotencyKeyAsync(
            $"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId }, $"enroll-{workerId}");

        var first = await (await Send()).CreatedAsync();
        var replayed = await (await Send()).CreatedAsync();

        Assert.Equal(first.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.Equal(1L, await training.OutboxCountAsync("training-enrolled", "workerId", workerId));
    }

    [Fact]
    public async Task A_session_that_is_not_open_takes_no_enrollment()
    {
        var courseId = await training.Client.PublishedCourseAsync();
        var planned = await training.Client.PlanSessionAsync(courseId, 5);
        var workerId = await training.RegisterWorkerAsync();

        var response = await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{planned.GetProperty("id").GetGuid()}/enrollments", new { workerId });

        Assert.Equal("session-not-open", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Enrollments_of_workers_of_another_county_are_not_seen_listed_or_withdrawn_there()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var inA = await training.RegisterWorkerAsync(TrainingApi.VillageA);
        var inB = await training.RegisterWorkerAsync(TrainingApi.VillageB);
        await training.Client.EnrollAsync(sessionId, inA);
        var enrollmentB = await training.Client.EnrollAsync(sessionId, inB);
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));
        var idB = enrollmentB.GetProperty("id").GetGuid();

        var roster = await (await countyA.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments")).OkAsync();
        Assert.Equal([inA], roster.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("workerId").GetGuid()));
        Assert.Empty((await (await countyA.GetAsync($"{Enrollments}?workerId={inB}")).OkAsync()).GetProperty("items").EnumerateArray());
        await (await countyA.GetAsync($"{Enrollments}/{idB}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Post, $"{Enrollments}/{idB}/withdraw", enrollmentB)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Post, $"{Enrollments}/{idB}/assessment", enrollmentB, new { theoryScore = 90, practicalScore = 90 }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var full = await (await training.Client.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments")).OkAsync();
        Assert.Equal(2, full.GetProperty("items").GetArrayLength());
        Assert.All(full.GetProperty("items").EnumerateArray(), e => Assert.Equal(
            ["arrival", "certificateId", "endedOn", "id", "passed", "practicalScore", "requestedAt", "rowVersion", "seatedAt", "sessionId", "status", "theoryScore", "waitlistPosition", "workerDivision", "workerId", "workerName"],
            e.EnumerateObject().Select(p => p.Name).Order()));
    }

    [Fact]
    public async Task Enrolling_needs_the_write_scope_and_an_office_role()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 5);
        var workerId = await training.RegisterWorkerAsync();

        await (await training.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.TrainingRead))
            .PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.Staff(Caller.City, Roles.VillageCollector, Scopes.TrainingWrite))
            .PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await training.ClientFor(Caller.App(Scopes.TrainingWrite))
            .PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/enrollments", new { workerId })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
