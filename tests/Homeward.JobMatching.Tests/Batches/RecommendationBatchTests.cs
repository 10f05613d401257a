using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Batches;

public sealed class RecommendationBatchTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string Batch = JobMatchingApi.Root + "/recommendations/batch";
    private const string Fairs = JobMatchingApi.Root + "/job-fairs";

    [Fact]
    public async Task A_batch_records_each_allowed_recommendation_once_refuses_the_others_with_their_reason_and_a_repeat_records_nothing()
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Workers.RegisterAsync(jobMatching, Workers.Welder())));
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();
        var unknownWorker = Guid.NewGuid();
        var unknownVacancy = Guid.NewGuid();
        var body = new
        {
            items = new object[]
            {
                new { workerId = workers[0], vacancyId, note = "现场推荐" },
                new { workerId = unknownWorker, vacancyId },
                new { workerId = workers[1], vacancyId, channel = "system" },
                new { workerId = workers[0], vacancyId = unknownVacancy },
            },
        };

        var report = await jobMatching.Client.PostBatchAsync(Batch, body);

        Assert.Equal((2, 2), (report.GetProperty("created").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.Equal(["created", "rejected", "created", "rejected"], items.Select(i => i.GetProperty("result").GetString()));
        Assert.Equal((404, "candidate-not-found"), items[1].ItemProblem());
        Assert.Equal((404, "vacancy-not-found"), items[3].ItemProblem());
        var created = new[] { items[0], items[2] }.Select(i => i.GetProperty("recommendationId").GetGuid()).ToList();
        var (second, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{created[1]}");
        Assert.Equal(("system", workers[1]), (second.GetProperty("channel").GetString(), second.GetProperty("workerId").GetGuid()));
        foreach (var id in created)
        {
            await Eventually.TrueAsync(
                async () => await jobMatching.Database.ScalarAsAdminAsync<long>(
                    $"SELECT count(*) FROM jobmatching.outbox_messages WHERE payload->>'recommendationId' = '{id}' AND processed_at IS NOT NULL") == 1,
                "WorkerRecommended to be published once for each recommendation");
        }

        var repeated = await jobMatching.Client.PostBatchAsync(Batch, body);

        Assert.Equal(0, repeated.GetProperty("created").GetInt32());
        var again = repeated.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal((409, "recommendation-already-open"), again[0].ItemProblem());
        Assert.Equal(created, new[] { again[0], again[2] }.Select(i => i.GetProperty("recommendationId").GetGuid()));
        Assert.Equal(2L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.recommendations WHERE vacancy_id = '{vacancyId}'"));
        Assert.Equal(2L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:worker-recommended:v1' AND payload->>'vacancyId' = '{vacancyId}'"));
    }

    [Fact]
    public async Task A_batch_recommends_only_workers_of_the_callers_division_and_fair_offers_are_for_offices()
    {
        var own = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419921101201");
        var foreign = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419922101201");
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync("419922101201")).GetProperty("id").GetGuid();
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));

        var report = await countyA.PostBatchAsync(Batch, new { items = new[] { new { workerId = own, vacancyId }, new { workerId = foreign, vacancyId } } });

        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("created", items[0].GetProperty("result").GetString());
        Assert.Equal((404, "candidate-not-found"), items[1].ItemProblem());
        Assert.Equal(0L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.recommendations WHERE worker_id = '{foreign}'"));
        var app = jobMatching.ClientFor(Caller.App(Scopes.JobMatchingWrite));
        await (await app.PostAsJsonAsync(Batch, new { items = new[] { new { workerId = own, vacancyId, fairId = Guid.NewGuid() } } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var village = jobMatching.ClientFor(Caller.Staff("419921101201", Roles.VillageCollector, Scopes.JobMatchingWrite));
        await (await village.PostAsJsonAsync(Batch, new { items = new[] { new { workerId = own, vacancyId } } })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Offers_at_a_fair_in_a_batch_check_the_worker_in_when_asked_and_count_in_the_fairs_results()
    {
        var (fairId, vacancyId) = await LocalFairAsync();
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Workers.RegisterAsync(jobMatching, Workers.Welder())));
        Assert.Equal(HttpStatusCode.Created, (await jobMatching.Client.PostAsJsonAsync($"{Fairs}/{fairId}/check-ins", new { workerId = workers[2] })).StatusCode);
        var elsewhere = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();

        var report = await jobMatching.Client.PostBatchAsync(Batch, new
        {
            items = new object[]
            {
                new { workerId = workers[0], vacancyId, fairId, checkIn = true },
                new { workerId = workers[1], vacancyId, fairId },
                new { workerId = workers[2], vacancyId, fairId, checkIn = true },
                new { workerId = workers[2], vacancyId = elsewhere, fairId },
            },
        });

        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "rejected", "created", "rejected"], items.Select(i => i.GetProperty("result").GetString()));
        Assert.Equal((422, "fair-worker-not-checked-in"), items[1].ItemProblem());
        Assert.Equal((422, "fair-vacancy-not-offered"), items[3].ItemProblem());
        var (offer, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{items[0].GetProperty("recommendationId").GetGuid()}");
        Assert.Equal("jobFair", offer.GetProperty("channel").GetString());
        var results = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Fairs}/{fairId}/results");
        Assert.Equal((2, 2), (results.GetProperty("checkIns").GetInt32(), results.GetProperty("offers").GetInt32()));
    }

    [Fact]
    public async Task A_batch_names_what_is_wrong_with_it()
    {
        var workerId = Guid.NewGuid();
        var vacancyId = Guid.NewGuid();

        var empty = await (await jobMatching.Client.PostAsJsonAsync(Batch, new { items = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await jobMatching.Client.PostAsJsonAsync(Batch, new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = await (await jobMatching.Client.PostAsJsonAsync(Batch, new { items = Enumerable.Range(0, 501).Select(_ => new { workerId = Guid.NewGuid(), vacancyId }) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var wrongItems = await (await jobMatching.Client.PostAsJsonAsync(Batch, new
        {
            items = new object?[]
            {
                new { workerId, vacancyId },
                new { workerId, vacancyId },
                new { vacancyId, note = new string('x', 501) },
                null,
                new { workerId, vacancyId = Guid.NewGuid(), checkIn = true },
                new { workerId, vacancyId = Guid.NewGuid(), fairId = Guid.NewGuid(), channel = "staff" },
            },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var malformed = await (await jobMatching.Client.PostAsync(
            Batch, new StringContent("""{"items":[{"workerId":"not-an-id","vacancyId":"3f1e0a4c-0000-7000-8000-000000000001"}]}""", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("items", empty.ErrorFields());
        Assert.Contains("items", missing.ErrorFields());
        Assert.Contains("items", tooMany.ErrorFields());
        Assert.Superset(
            new HashSet<string> { "items[1]", "items[2].workerId", "items[2].note", "items[3]", "items[4].checkIn", "items[5].channel" },
            wrongItems.ErrorFields().ToHashSet());
        Assert.DoesNotContain("items[0]", wrongItems.ErrorFields());
        Assert.Contains("items[0].workerId", malformed.ErrorFields());
    }

    /// <summary>A local fair organised by the city, with one local employer and one of its vacancies.</summary>
    private async Task<(Guid FairId, Guid VacancyId)> LocalFairAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var planned = await jobMatching.Client.PostAsJsonAsync(Fairs, new { title = "春风行动招聘会", date = today, place = "市人力资源市场", kind = "local" });
        Assert.True(planned.StatusCode == HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        var fairId = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var vacancy = await jobMatching.Client.CreateVacancyAsync();
        var joined = await jobMatching.Client.SendWithIfMatchAsync(
            HttpMethod.Post,
            $"{Fairs}/{fairId}/participants",
            new { employerId = vacancy.GetProperty("employerId").GetGuid(), vacancyIds = new[] { vacancy.GetProperty("id").GetGuid() } },
            planned.Headers.ETag!.Tag);
        Assert.True(joined.StatusCode == HttpStatusCode.OK, await joined.Content.ReadAsStringAsync());
        return (fairId, vacancy.GetProperty("id").GetGuid());
    }
}
