using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Batches;

public sealed class PlacementBatchTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string Batch = JobMatchingApi.Root + "/placements/batch";
    private const string WorkerPlaced = "urn:message:homeward:job-matching:worker-placed:v1";
    private static readonly string Today = TimeProvider.System.Today().ToString("yyyy-MM-dd");

    [Fact]
    public async Task Hires_from_recommendations_take_the_places_in_order_those_after_the_last_are_refused_and_a_repeat_hires_nobody_more()
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Workers.RegisterAsync(jobMatching, Workers.Welder())));
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync(headcount: 2)).GetProperty("id").GetGuid();
        var recommendations = new List<Guid>();
        foreach (var workerId in workers)
        {
            var recommended = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });
            recommendations.Add((await recommended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var body = new { items = recommendations.Select(recommendationId => new { recommendationId, monthlyWage = 5200m, startDate = Today }) };

        var report = await jobMatching.Client.PostBatchAsync(Batch, body);

        Assert.Equal((2, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "created", "rejected"], items.Select(i => i.GetProperty("result").GetString()));
        Assert.Equal((409, "vacancy-not-open"), items[2].ItemProblem());
        Assert.Equal(workers[2], items[2].GetProperty("workerId").GetGuid());
        var (vacancy, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal((2, "filled"), (vacancy.GetProperty("filled").GetInt32(), vacancy.GetProperty("status").GetString()));
        var (hired, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{recommendations[0]}");
        var (notHired, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{recommendations[2]}");
        Assert.Equal("hired", hired.GetProperty("outcome").GetString());
        Assert.True(notHired.GetProperty("isOpen").GetBoolean());
        foreach (var item in items.Take(2))
        {
            var placementId = item.GetProperty("placementId").GetGuid();
            var payload = JsonDocument.Parse(await Eventually.MatchesAsync(
                () => jobMatching.Database.ScalarAsAdminAsync<string>(
                    $"SELECT payload::text FROM jobmatching.outbox_messages WHERE type = '{WorkerPlaced}' AND payload->>'placementId' = '{placementId}' AND processed_at IS NOT NULL"),
                text => text is not null,
                "WorkerPlaced to be published")).RootElement;
            Assert.Equal(item.GetProperty("recommendationId").GetGuid(), payload.GetProperty("recommendationId").GetGuid());
            Assert.Equal(5200m, payload.GetProperty("monthlyWage").GetDecimal());
        }

        var repeated = await jobMatching.Client.PostBatchAsync(Batch, body);

        Assert.Equal(0, repeated.GetProperty("created").GetInt32());
        var again = repeated.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal((422, "recommendation-closed"), again[0].ItemProblem());
        Assert.Equal((409, "vacancy-not-open"), again[2].ItemProblem());
        Assert.Equal(2L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.placements WHERE vacancy_id = '{vacancyId}'"));
        Assert.Equal(2L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.outbox_messages WHERE type = '{WorkerPlaced}' AND payload->>'vacancyId' = '{vacancyId}'"));
    }

    [Fact]
    public async Task A_batch_mixes_direct_hires_and_hires_without_a_vacancy_and_refuses_what_a_single_hire_would_refuse()
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Workers.RegisterAsync(jobMatching, Workers.Welder())));
        var vacancy = await jobMatching.Client.CreateVacancyAsync(headcount: 5);
        var vacancyId = vacancy.GetProperty("id").GetGuid();
        var employerId = vacancy.GetProperty("employerId").GetGuid();
        var recommended = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId = workers[0], vacancyId });
        var recommendationId = (await recommended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var report = await jobMatching.Client.PostBatchAsync(Batch, new
        {
            items = new object[]
            {
                new { vacancyId, workerId = workers[0], monthlyWage = 5000m, startDate = Today },
                new { employerId, workerId = workers[1], tradeCode = "forklift-driver", monthlyWage = 4800m, startDate = Today },
                new { recommendationId = Guid.NewGuid(), monthlyWage = 5000m, startDate = Today },
                new { vacancyId = Guid.NewGuid(), workerId = workers[1], monthlyWage = 5000m, startDate = Today },
                new { employerId = Guid.NewGuid(), workerId = workers[0], tradeCode = "welder", monthlyWage = 5000m, startDate = Today },
            },
        });

        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "created", "rejected", "rejected", "rejected"], items.Select(i => i.GetProperty("result").GetString()));
        Assert.Equal(recommendationId, items[0].GetProperty("recommendationId").GetGuid());
        Assert.Equal((404, "recommendation-not-found"), items[2].ItemProblem());
        Assert.Equal((404, "vacancy-not-found"), items[3].ItemProblem());
        Assert.Equal((404, "employer-not-found"), items[4].ItemProblem());
        var (recommendation, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{recommendationId}");
        Assert.Equal("hired", recommendation.GetProperty("outcome").GetString());
        var (placement, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/placements/{items[1].GetProperty("placementId").GetGuid()}");
        Assert.Equal(("forklift-driver", JsonValueKind.Null), (placement.GetProperty("tradeCode").GetString(), placement.GetProperty("vacancyId").ValueKind));
        var (read, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal(1, read.GetProperty("filled").GetInt32());
    }

    [Fact]
    public async Task Parallel_batches_and_single_hires_never_fill_more_places_than_the_headcount()
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Workers.RegisterAsync(jobMatching, Workers.Welder())));
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync(headcount: 5)).GetProperty("id").GetGuid();

        var batches = workers.Take(9).Chunk(3).Select(chunk => jobMatching.Client.PostAsJsonAsync(
            Batch, new { items = chunk.Select(workerId => new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today }) }));
        var singles = workers.Skip(9).Select(workerId => jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today }));
        var responses = await Task.WhenAll(batches.Concat(singles));

        var reports = await Task.WhenAll(responses.Take(3).Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var hired = reports.Sum(r => r.GetProperty("created").GetInt32()) + responses.Skip(3).Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(5, hired);
        Assert.All(
            reports.SelectMany(r => r.GetProperty("items").EnumerateArray()).Where(i => i.GetProperty("result").GetString() == "rejected"),
            i => Assert.Contains(i.ItemProblem().Code, new[] { "vacancy-full", "vacancy-not-open" }));
        var (vacancy, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal((5, "filled"), (vacancy.GetProperty("filled").GetInt32(), vacancy.GetProperty("status").GetString()));
        Assert.Equal(5L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.placements WHERE vacancy_id = '{vacancyId}'"));
        Assert.Equal(5L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.outbox_messages WHERE type = '{WorkerPlaced}' AND payload->>'vacancyId' = '{vacancyId}'"));
    }

    [Fact]
    public async Task Staff_hire_in_a_batch_only_workers_of_their_division_and_only_offices_may_send_one()
    {
        var own = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419921101201");
        var foreign = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419922101201");
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync("419922101201", headcount: 5)).GetProperty("id").GetGuid();
        var foreignRecommendation = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId = foreign, vacancyId });
        var recommendationId = (await foreignRecommendation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var body = new
        {
            items = new object[]
            {
                new { vacancyId, workerId = own, monthlyWage = 5000m, startDate = Today },
                new { vacancyId, workerId = foreign, monthlyWage = 5000m, startDate = Today },
                new { recommendationId, monthlyWage = 5000m, startDate = Today },
            },
        };

        var report = await countyA.PostBatchAsync(Batch, body);

        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("created", items[0].GetProperty("result").GetString());
        Assert.Equal((404, "candidate-not-found"), items[1].ItemProblem());
        Assert.Equal((404, "recommendation-not-found"), items[2].ItemProblem());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("workerId").ValueKind);
        Assert.Equal(0L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.placements WHERE worker_id = '{foreign}'"));
        var (recommendation, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{recommendationId}");
        Assert.True(recommendation.GetProperty("isOpen").GetBoolean());
        var app = jobMatching.ClientFor(Caller.App(Scopes.JobMatchingWrite));
        var village = jobMatching.ClientFor(Caller.Staff("419921101201", Roles.VillageCollector, Scopes.JobMatchingWrite));
        var readOnly = jobMatching.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.JobMatchingRead));
        await (await app.PostAsJsonAsync(Batch, body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await village.PostAsJsonAsync(Batch, body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PostAsJsonAsync(Batch, body)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_batch_of_direct_hires_replayed_with_the_same_idempotency_key_is_made_once()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync(headcount: 3)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        var bodies = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await jobMatching.Client.PostWithIdempotencyKeyAsync(
                Batch, new { items = new[] { new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today } } }, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(bodies[0], bodies[1]);
        var (vacancy, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal(1, vacancy.GetProperty("filled").GetInt32());
    }

    [Fact]
    public async Task A_batch_of_hires_names_what_is_wrong_with_it()
    {
        var recommendationId = Guid.NewGuid();
        var empty = await (await jobMatching.Client.PostAsJsonAsync(Batch, new { items = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = await (await jobMatching.Client.PostAsJsonAsync(
            Batch, new { items = Enumerable.Range(0, 501).Select(_ => new { recommendationId = Guid.NewGuid(), monthlyWage = 5000m, startDate = Today }) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var wrongItems = await (await jobMatching.Client.PostAsJsonAsync(Batch, new
        {
            items = new object?[]
            {
                new { recommendationId, monthlyWage = 5000m, startDate = Today },
                new { recommendationId, monthlyWage = 5000m, startDate = Today },
                new { vacancyId = Guid.NewGuid(), employerId = Guid.NewGuid(), monthlyWage = -1m },
                null,
            },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var malformed = await (await jobMatching.Client.PostAsync(
            Batch, new StringContent($$"""{"items":[{"recommendationId":"{{recommendationId}}","monthlyWage":5000,"startDate":"29.11.2026"}]}""", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("items", empty.ErrorFields());
        Assert.Contains("items", tooMany.ErrorFields());
        Assert.Superset(
            new HashSet<string> { "items[1]", "items[2].recommendationId", "items[2].workerId", "items[2].monthlyWage", "items[2].startDate", "items[3]" },
            wrongItems.ErrorFields().ToHashSet());
        Assert.DoesNotContain("items[0]", wrongItems.ErrorFields());
        Assert.Contains("items[0].startDate", malformed.ErrorFields());
    }
}
