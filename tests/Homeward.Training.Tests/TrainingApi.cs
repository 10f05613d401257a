using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.SharedKernel;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Training.Tests;

/// <summary>What most training tests need before they start: workers the registry announced, a published course, an open session.</summary>
internal static class TrainingApi
{
    public const string Root = "/api/training/v1";
    public const string VillageA = "419921101201";
    public const string VillageB = "419922101201";
    public const string CountyA = "419921000000";
    public const string CountyB = "419922000000";

    public static async Task PublishAsync<TEvent>(this TrainingService training, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        await training.Services.GetRequiredService<IBus>().Publish(integrationEvent, context => context.MessageId = integrationEvent.EventId);

    public static WorkerFacts Facts(IReadOnlyList<string>? trainingNeeds = null, string status = "seekingWork") =>
        new("juniorHigh", [], [], null, trainingNeeds ?? [], null, status);

    /// <summary>Announces a registered worker and waits until training knows them.</summary>
    public static async Task<Guid> RegisterWorkerAsync(this TrainingService training, string village = VillageA, IReadOnlyList<string>? trainingNeeds = null, string name = "陈学员")
    {
        var registered = new WorkerRegistered(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), name, "female", new DateOnly(1992, 4, 4), village, Facts(trainingNeeds));
        await training.PublishAsync(registered);
        await Eventually.TrueAsync(
            async () => (await training.Client.GetAsync($"{Root}/workers/{registered.WorkerId}")).StatusCode == HttpStatusCode.OK,
            "the worker to be projected");
        return registered.WorkerId;
    }

    /// <summary>Registers workers straight into the projection, for tests that need many.</summary>
    public static async Task<IReadOnlyList<Guid>> RegisterWorkersDirectlyAsync(this TrainingService training, int count, string village = VillageA)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        var values = string.Join(",", ids.Select(id =>
            $"('{id}', '学员', '{village}', now(), now(), '{{}}', now(), 'seekingWork', now())"));
        await training.Database.ExecuteAsAdminAsync(
            "INSERT INTO training.workers (worker_id, name, household_division, profile_as_of, registered_at, training_needs, facts_as_of, status, status_as_of) VALUES " + values);
        return ids;
    }

    public static async Task<JsonElement> CreatedAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> OkAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> CreateProviderAsync(this HttpClient client, string division = CountyA, string name = "示范市职业技能培训学校")
    {
        var provider = await (await client.PostAsJsonAsync($"{Root}/providers", new { name, division })).CreatedAsync();
        return provider.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> DraftCourseAsync(this HttpClient client, Guid providerId, int theoryHours = 40, int practicalHours = 60, string tradeCode = "welder", string level = "junior")
    {
        var response = await client.PostAsJsonAsync($"{Root}/courses", new
        {
            providerId,
            tradeCode,
            level,
            title = "焊工（五级）实操班",
            theoryHours,
            practicalHours,
            syllabus = new[] { "安全规范", "手工电弧焊", "气体保护焊" },
        });
        return await response.CreatedAsync();
    }

    /// <summary>A published course of a new provider.</summary>
    public static async Task<Guid> PublishedCourseAsync(this HttpClient client, string tradeCode = "welder", string level = "junior", string providerDivision = CountyA)
    {
        var providerId = await client.CreateProviderAsync(providerDivision);
        var course = await client.DraftCourseAsync(providerId, tradeCode: tradeCode, level: level);
        var id = course.GetProperty("id").GetGuid();
        await (await client.SendWithIfMatchAsync(HttpMethod.Post, $"{Root}/courses/{id}/publish", course)).OkAsync();
        return id;
    }

    /// <summary>An open session of a published course in the given division.</summary>
    public static async Task<Guid> OpenSessionAsync(this HttpClient client, int capacity, string division = CountyA, string tradeCode = "welder", string level = "junior")
    {
        var courseId = await client.PublishedCourseAsync(tradeCode, level);
        var session = await client.PlanSessionAsync(courseId, capacity, division);
        var id = session.GetProperty("id").GetGuid();
        await client.MoveSessionAsync(id, "open");
        return id;
    }

    public static async Task<JsonElement> PlanSessionAsync(this HttpClient client, Guid courseId, int capacity, string division = CountyA)
    {
        var today = TimeProvider.System.Today();
        var response = await client.PostAsJsonAsync($"{Root}/sessions", new
        {
            courseId,
            division,
            startsOn = today.AddDays(-3).ToString("yyyy-MM-dd"),
            endsOn = today.ToString("yyyy-MM-dd"),
            capacity,
            instructors = new[] { "王师傅" },
        });
        return await response.CreatedAsync();
    }

    public static async Task<JsonElement> MoveSessionAsync(this HttpClient client, Guid sessionId, string status)
    {
        var current = await (await client.GetAsync($"{Root}/sessions/{sessionId}")).OkAsync();
        var response = await client.SendWithIfMatchAsync(HttpMethod.Post, $"{Root}/sessions/{sessionId}/status", current, new { status });
        return await response.OkAsync();
    }

    public static async Task<JsonElement> EnrollAsync(this HttpClient client, Guid sessionId, Guid workerId) =>
        await (await client.PostAsJsonAsync($"{Root}/sessions/{sessionId}/enrollments", new { workerId })).CreatedAsync();

    public static async Task<HttpResponseMessage> EnrollBatchAsync(this HttpClient client, Guid sessionId, IEnumerable<Guid> workerIds) =>
        await client.PostAsJsonAsync($"{Root}/sessions/{sessionId}/enrollments/batch", new { workerIds });

    public static async Task<HttpResponseMessage> RecordSheetAsync(this HttpClient client, Guid sessionId, params (Guid WorkerId, int Theory, int Practical)[] scores) =>
        await client.PostAsJsonAsync(
            $"{Root}/sessions/{sessionId}/assessments/batch",
            new { scores = scores.Select(s => new { workerId = s.WorkerId, theoryScore = s.Theory, practicalScore = s.Practical }) });

    /// <summary>A lesson held on the session's first day with the given seated workers present.</summary>
    public static async Task RecordLessonAsync(this HttpClient client, Guid sessionId, string kind, decimal hours, IEnumerable<Guid> present)
    {
        var day = (await (await client.GetAsync($"{Root}/sessions/{sessionId}")).OkAsync()).GetProperty("startsOn").GetString();
        await (await client.PostAsJsonAsync($"{Root}/sessions/{sessionId}/lessons", new { heldOn = day, kind, hours, topic = kind, presentWorkerIds = present })).CreatedAsync();
    }

    public static async Task<HttpResponseMessage> SendWithIfMatchAsync(
        this HttpClient client, HttpMethod method, string path, JsonElement current, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.GetProperty("rowVersion").GetUInt32()}\""));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public static async Task<long> OutboxCountAsync(this TrainingService training, string eventName, string field, Guid value) =>
        await training.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM training.outbox_messages WHERE type = 'urn:message:homeward:training:{eventName}:v1' AND payload->>'{field}' = '{value}'");
}
