using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Training.Tests.Certificates;

/// <summary>Attendance, assessment, the completion rule, and certificates: from a course, or by recognition of prior learning.</summary>
public sealed class CompletionAndCertificateTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Enrollments = $"{TrainingApi.Root}/enrollments";
    private const string Certificates = $"{TrainingApi.Root}/certificates";
    private const string PriorLearning = $"{TrainingApi.Root}/prior-learning-assessments";

    [Fact]
    public async Task Completing_a_session_completes_and_certifies_by_attendance_and_assessment_and_drops_the_rest()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 3, tradeCode: "welder", level: "intermediate");
        var passes = await training.RegisterWorkerAsync(name: "全勤合格");
        var fails = await training.RegisterWorkerAsync(name: "全勤未过");
        var skipsPractice = await training.RegisterWorkerAsync(name: "缺实操");
        var waiting = await training.RegisterWorkerAsync(name: "候补");
        var enrollments = new Dictionary<Guid, JsonElement>();
        foreach (var workerId in new[] { passes, fails, skipsPractice, waiting })
        {
            enrollments[workerId] = await training.Client.EnrollAsync(sessionId, workerId);
        }

        await training.Client.MoveSessionAsync(sessionId, "inProgress");
        await training.Client.RecordLessonAsync(sessionId, "theory", 4m, [passes, fails, skipsPractice]);
        await training.Client.RecordLessonAsync(sessionId, "practical", 6m, [passes, fails]);
        await training.Client.RecordLessonAsync(sessionId, "practical", 4m, [passes, fails, skipsPractice]);
        await AssessAsync(enrollments[passes], 80, 75);
        await AssessAsync(enrollments[fails], 85, 40);

        await training.Client.MoveSessionAsync(sessionId, "completed");

        Assert.Equal("completed", (await EnrollmentAsync(enrollments[passes])).GetProperty("status").GetString());
        Assert.Equal("completed", (await EnrollmentAsync(enrollments[fails])).GetProperty("status").GetString());
        Assert.Equal("dropped", (await EnrollmentAsync(enrollments[skipsPractice])).GetProperty("status").GetString());
        Assert.Equal("withdrawn", (await EnrollmentAsync(enrollments[waiting])).GetProperty("status").GetString());
        Assert.Equal(1L, await training.OutboxCountAsync("training-completed", "workerId", passes));
        Assert.Equal(1L, await training.OutboxCountAsync("training-completed", "workerId", fails));
        Assert.Equal(1L, await training.OutboxCountAsync("training-dropped", "workerId", skipsPractice));
        Assert.Equal(0L, await training.OutboxCountAsync("training-dropped", "workerId", waiting));

        var certificate = (await (await training.Client.GetAsync($"{Certificates}?workerId={passes}")).OkAsync()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("welder", certificate.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", certificate.GetProperty("level").GetString());
        Assert.Equal("course", certificate.GetProperty("route").GetString());
        Assert.StartsWith($"HW{DateTime.UtcNow.Year}-", certificate.GetProperty("number").GetString(), StringComparison.Ordinal);
        var issued = JsonDocument.Parse(await training.Database.ScalarAsAdminAsync<string>(
            $"SELECT payload::text FROM training.outbox_messages WHERE type = 'urn:message:homeward:training:certificate-issued:v1' AND payload->>'workerId' = '{passes}'")).RootElement;
        Assert.Equal(certificate.GetProperty("number").GetString(), issued.GetProperty("number").GetString());
        Assert.Equal("intermediate", issued.GetProperty("level").GetString());
        Assert.Equal(certificate.GetProperty("issuedOn").GetString(), issued.GetProperty("issuedOn").GetString());
        Assert.Equal(0L, await training.OutboxCountAsync("certificate-issued", "workerId", fails));

        var reassessed = await AssessAsync(await EnrollmentAsync(enrollments[fails]), 85, 70);
        Assert.True(reassessed.GetProperty("passed").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, reassessed.GetProperty("certificateId").ValueKind);
        Assert.Equal(1L, await training.OutboxCountAsync("certificate-issued", "workerId", fails));
        var dropped = await EnrollmentAsync(enrollments[skipsPractice]);
        await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Enrollments}/{dropped.GetProperty("id").GetGuid()}/assessment", dropped, new { theoryScore = 90, practicalScore = 90 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Lessons_are_recorded_only_while_in_progress_and_only_for_seated_trainees()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2);
        var seated = await training.RegisterWorkerAsync();
        var stranger = await training.RegisterWorkerAsync();
        await training.Client.EnrollAsync(sessionId, seated);
        var day = (await (await training.Client.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}")).OkAsync()).GetProperty("startsOn").GetString();
        var lesson = new { heldOn = day, kind = "practical", hours = 4m, topic = "实操", presentWorkerIds = new[] { seated } };

        var early = await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/lessons", lesson);
        Assert.Equal("session-not-in-progress", (await early.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        await training.Client.MoveSessionAsync(sessionId, "inProgress");
        var wrong = await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/lessons", lesson with { presentWorkerIds = new[] { stranger } });
        Assert.Equal(["presentWorkerIds"], (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var held = await (await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/lessons", lesson)).CreatedAsync();

        Assert.Equal(1, held.GetProperty("present").GetInt32());
        Assert.Equal(0, held.GetProperty("absent").GetInt32());
        var lessons = await (await training.Client.GetAsync($"{TrainingApi.Root}/sessions/{sessionId}/lessons")).OkAsync();
        Assert.Equal("practical", lessons.EnumerateArray().Single().GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Lessons_of_a_session_held_in_another_county_are_not_recorded_there()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 2, division: TrainingApi.CountyB);
        var workerId = await training.RegisterWorkerAsync(TrainingApi.VillageA);
        await training.Client.EnrollAsync(sessionId, workerId);
        var session = await training.Client.MoveSessionAsync(sessionId, "inProgress");
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));

        var response = await countyA.PostAsJsonAsync($"{TrainingApi.Root}/sessions/{sessionId}/lessons", new
        {
            heldOn = session.GetProperty("startsOn").GetString(), kind = "theory", hours = 2m, topic = "安全", presentWorkerIds = new[] { workerId },
        });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.lessons WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task Cancelling_a_session_drops_its_seated_trainees()
    {
        var sessionId = await training.Client.OpenSessionAsync(capacity: 1);
        var workerId = await training.RegisterWorkerAsync();
        var enrollment = await training.Client.EnrollAsync(sessionId, workerId);

        await training.Client.MoveSessionAsync(sessionId, "cancelled");

        Assert.Equal("dropped", (await EnrollmentAsync(enrollment)).GetProperty("status").GetString());
        Assert.Equal(1L, await training.OutboxCountAsync("training-dropped", "workerId", workerId));
    }

    [Fact]
    public async Task A_worker_who_passes_an_assessment_of_prior_learning_is_certified_without_the_course_once()
    {
        var workerId = await training.RegisterWorkerAsync(name: "老把式");
        var body = new { workerId, tradeCode = "bricklayer", level = "senior", theoryScore = 70, practicalScore = 92, assessor = "市鉴定站", assessedOn = TimeProvider.System.Today().AddDays(-1) };

        var assessment = await (await training.Client.PostAsJsonAsync(PriorLearning, body)).CreatedAsync();

        Assert.True(assessment.GetProperty("passed").GetBoolean());
        var certificateId = assessment.GetProperty("certificateId").GetGuid();
        var certificate = await (await training.Client.GetAsync($"{Certificates}/{certificateId}")).OkAsync();
        Assert.Equal("priorLearning", certificate.GetProperty("route").GetString());
        Assert.Equal("senior", certificate.GetProperty("level").GetString());
        Assert.Equal(1L, await training.OutboxCountAsync("certificate-issued", "workerId", workerId));
        var again = await training.Client.PostAsJsonAsync(PriorLearning, body);
        Assert.Equal("already-certified", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_worker_who_fails_an_assessment_of_prior_learning_gets_no_certificate()
    {
        var workerId = await training.RegisterWorkerAsync();

        var assessment = await (await training.Client.PostAsJsonAsync(PriorLearning, new
        {
            workerId, tradeCode = "plumber", level = "junior", theoryScore = 59, practicalScore = 90, assessor = "市鉴定站", assessedOn = TimeProvider.System.Today(),
        })).CreatedAsync();

        Assert.False(assessment.GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("certificateId").ValueKind);
        Assert.Equal(0L, await training.OutboxCountAsync("certificate-issued", "workerId", workerId));
        var problem = await (await training.Client.PostAsJsonAsync(PriorLearning, new { workerId, tradeCode = "pilot", level = "none", theoryScore = 101 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["assessedOn", "assessor", "level", "practicalScore", "theoryScore", "tradeCode"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task Certificates_and_assessments_of_workers_of_another_county_are_not_seen_or_made_there()
    {
        var inB = await training.RegisterWorkerAsync(TrainingApi.VillageB);
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));
        var body = new { workerId = inB, tradeCode = "courier", level = "junior", theoryScore = 80, practicalScore = 80, assessor = "县鉴定站", assessedOn = TimeProvider.System.Today() };

        await (await countyA.PostAsJsonAsync(PriorLearning, body)).AssertProblemAsync(HttpStatusCode.NotFound);
        var assessment = await (await training.Client.PostAsJsonAsync(PriorLearning, body)).CreatedAsync();

        await (await countyA.GetAsync($"{PriorLearning}/{assessment.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.GetAsync($"{Certificates}/{assessment.GetProperty("certificateId").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await countyA.GetAsync($"{Certificates}?workerId={inB}")).OkAsync()).GetProperty("items").EnumerateArray());
        var certificate = await (await training.Client.GetAsync($"{Certificates}/{assessment.GetProperty("certificateId").GetGuid()}")).OkAsync();
        Assert.Equal(
            ["id", "issuedOn", "level", "number", "route", "sourceId", "tradeCode", "workerDivision", "workerId"],
            certificate.EnumerateObject().Select(p => p.Name).Order());
    }

    private async Task<JsonElement> EnrollmentAsync(JsonElement enrollment) =>
        await (await training.Client.GetAsync($"{Enrollments}/{enrollment.GetProperty("id").GetGuid()}")).OkAsync();

    private async Task<JsonElement> AssessAsync(JsonElement enrollment, int theoryScore, int practicalScore)
    {
        var current = await EnrollmentAsync(enrollment);
        return await (await training.Client.SendWithIfMatchAsync(
            HttpMethod.Post, $"{Enrollments}/{current.GetProperty("id").GetGuid()}/assessment", current, new { theoryScore, practicalScore })).OkAsync();
    }
}
