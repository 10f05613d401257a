using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Placements;

public sealed class PlacementTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private static readonly string Today = TimeProvider.System.Today().ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_hire_from_a_recommendation_fills_a_place_ends_the_recommendation_and_announces_a_local_placement()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancy = await jobMatching.Client.CreateVacancyAsync("419921101202");
        var vacancyId = vacancy.GetProperty("id").GetGuid();
        var recommended = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });
        var recommendationId = (await recommended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", new { recommendationId, monthlyWage = 5200.50m, startDate = Today });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var placement = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(workerId, placement.GetProperty("workerId").GetGuid());
        Assert.False(placement.GetProperty("crossRegion").GetBoolean());
        var (recommendation, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/recommendations/{recommendationId}");
        Assert.Equal("hired", recommendation.GetProperty("outcome").GetString());
        Assert.False(recommendation.GetProperty("isOpen").GetBoolean());
        var (read, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal(1, read.GetProperty("filled").GetInt32());
        var placed = await PublishedAsync(placement.GetProperty("id").GetGuid());
        Assert.Equal("urn:message:homeward:job-matching:worker-placed:v1", placed.Type);
        Assert.False(placed.Payload.GetProperty("crossRegion").GetBoolean());
        Assert.Equal("419921101202", placed.Payload.GetProperty("employerDivision").GetString());
        Assert.Equal(vacancy.GetProperty("employerId").GetGuid(), placed.Payload.GetProperty("employerId").GetGuid());
        Assert.Equal(vacancyId, placed.Payload.GetProperty("vacancyId").GetGuid());
        Assert.Equal(recommendationId, placed.Payload.GetProperty("recommendationId").GetGuid());
        Assert.Equal("welder", placed.Payload.GetProperty("tradeCode").GetString());
        Assert.Equal(5200.50m, placed.Payload.GetProperty("monthlyWage").GetDecimal());
        Assert.Equal(Today, placed.Payload.GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task A_direct_hire_in_a_partner_city_is_cross_region_and_one_without_a_vacancy_takes_a_trade()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"));
        var employer = await jobMatching.Client.CreateEmployerAsync(new
        {
            name = "天津某港口公司",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "tianjin",
            industry = "G",
            size = "large",
        });
        var employerId = employer.GetProperty("id").GetGuid();
        var vacancy = await jobMatching.Client.CreateVacancyAsync(JobMatchingApi.Vacancy(employerId));

        var intoVacancy = await (await jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { vacancyId = vacancy.GetProperty("id").GetGuid(), workerId, monthlyWage = 6000m, startDate = Today }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var direct = await jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { employerId, workerId, tradeCode = "forklift-driver", monthlyWage = 5000m, startDate = Today });

        var published = await PublishedAsync(intoVacancy.GetProperty("id").GetGuid());
        Assert.True(published.Payload.GetProperty("crossRegion").GetBoolean());
        Assert.Equal("tianjin", published.Payload.GetProperty("partnerId").GetString());
        Assert.Equal(JsonValueKind.Null, published.Payload.GetProperty("employerDivision").ValueKind);
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);
        var directPlaced = await PublishedAsync((await direct.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("forklift-driver", directPlaced.Payload.GetProperty("tradeCode").GetString());
        Assert.Equal(JsonValueKind.Null, directPlaced.Payload.GetProperty("vacancyId").ValueKind);
    }

    [Fact]
    public async Task A_direct_hire_into_a_recommended_vacancy_ends_that_recommendation_as_hired()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();
        var recommended = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });

        var placed = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today });

        var (recommendation, _) = await jobMatching.Client.ReadAsync(recommended.Headers.Location!.ToString());
        Assert.Equal("hired", recommendation.GetProperty("outcome").GetString());
        Assert.Equal(recommendation.GetProperty("id").GetGuid(), (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendationId").GetGuid());
    }

    [Fact]
    public async Task Concurrent_hires_never_fill_more_places_than_the_headcount_and_the_full_vacancy_closes_itself()
    {
        var workers = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            workers.Add(await Workers.RegisterAsync(jobMatching, Workers.Welder()));
        }

        var vacancyId = (await jobMatching.Client.CreateVacancyAsync(headcount: 3)).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(workers.Select(workerId => jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today })));

        Assert.True(3 == responses.Count(r => r.StatusCode == HttpStatusCode.Created), string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("code").GetString(), new[] { "vacancy-full", "vacancy-not-open" });
        }

        var (vacancy, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal(3, vacancy.GetProperty("filled").GetInt32());
        Assert.Equal("filled", vacancy.GetProperty("status").GetString());
        Assert.Equal(3L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.placements WHERE vacancy_id = '{vacancyId}'"));
        Assert.Equal(3L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:worker-placed:v1' AND payload->>'vacancyId' = '{vacancyId}'"));
    }

    [Fact]
    public async Task Concurrent_hires_into_a_vacancy_with_a_place_for_each_all_succeed()
    {
        var workers = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            workers.Add(await Workers.RegisterAsync(jobMatching, Workers.Welder()));
        }

        var vacancyId = (await jobMatching.Client.CreateVacancyAsync(headcount: 10)).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(workers.Select(workerId => jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today })));

        Assert.True(
            responses.All(r => r.StatusCode == HttpStatusCode.Created),
            string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
        var (vacancy, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal(10, vacancy.GetProperty("filled").GetInt32());
        Assert.Equal("filled", vacancy.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_headcount_cannot_drop_below_those_hired_and_raising_it_reopens_a_filled_vacancy()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancy = await jobMatching.Client.CreateVacancyAsync(headcount: 1);
        var vacancyId = vacancy.GetProperty("id").GetGuid();
        await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today });
        var path = $"{JobMatchingApi.Root}/vacancies/{vacancyId}";
        var (filled, etag) = await jobMatching.Client.ReadAsync(path);
        Assert.Equal("filled", filled.GetProperty("status").GetString());

        var terms = JobMatchingApi.Vacancy(vacancy.GetProperty("employerId").GetGuid(), headcount: 0);
        terms.Remove("employerId");
        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, terms, etag)).AssertProblemAsync(HttpStatusCode.BadRequest);
        terms["headcount"] = 2;
        var raised = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, terms, etag);

        Assert.Equal("open", (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ending_a_placement_needs_if_match_announces_the_reason_and_happens_once()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();
        var placed = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today });
        var path = placed.Headers.Location!.ToString();
        var etag = placed.Headers.ETag!.Tag;

        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/end", new { endDate = Today, reason = "resigned" }, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var bad = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/end", new { endDate = Today, reason = "bored" }, etag)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", bad.ErrorFields());
        var ended = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/end", new { endDate = Today, reason = "couldNotAdapt" }, etag);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var again = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/end", new { endDate = Today, reason = "resigned" }, ended.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("placement-already-ended", again.GetProperty("code").GetString());
        var placementId = (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var payload = JsonDocument.Parse(await jobMatching.Database.ScalarAsAdminAsync<string>(
            $"SELECT payload::text FROM jobmatching.outbox_messages WHERE type = 'urn:message:homeward:job-matching:placement-ended:v1' AND payload->>'placementId' = '{placementId}'")).RootElement;
        Assert.Equal("couldNotAdapt", payload.GetProperty("reason").GetString());
        Assert.Equal(workerId, payload.GetProperty("workerId").GetGuid());
    }

    [Fact]
    public async Task A_hire_names_what_is_wrong_with_its_request()
    {
        var problem = await (await jobMatching.Client.PostAsJsonAsync(
            $"{JobMatchingApi.Root}/placements", new { vacancyId = Guid.NewGuid(), employerId = Guid.NewGuid(), monthlyWage = -1m }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("recommendationId", problem.ErrorFields());
        Assert.Contains("workerId", problem.ErrorFields());
        Assert.Contains("monthlyWage", problem.ErrorFields());
        Assert.Contains("startDate", problem.ErrorFields());
    }

    [Fact]
    public async Task Staff_place_and_see_placements_only_of_workers_of_their_division()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419922101201");
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync("419921101201")).GetProperty("id").GetGuid();
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var body = new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today };

        await (await countyA.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        var placed = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", body);

        await (await countyA.GetAsync(placed.Headers.Location!.ToString())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Post, $"{placed.Headers.Location}/end", new { endDate = Today, reason = "resigned" }, placed.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await countyA.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/placements?workerId={workerId}");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_hire_replayed_with_the_same_idempotency_key_is_made_once()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync(headcount: 2)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            responses.Add(await jobMatching.Client.PostWithIdempotencyKeyAsync(
                $"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5000m, startDate = Today }, key));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        var (vacancy, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
        Assert.Equal(1, vacancy.GetProperty("filled").GetInt32());
    }

    private async Task<(string Type, JsonElement Payload)> PublishedAsync(Guid placementId)
    {
        var row = await Eventually.MatchesAsync(
            () => jobMatching.Database.ScalarAsAdminAsync<string>(
                $"SELECT json_build_array(type, payload)::text FROM jobmatching.outbox_messages WHERE payload->>'placementId' = '{placementId}' AND processed_at IS NOT NULL"),
            text => text is not null,
            "WorkerPlaced to be published");
        var array = JsonDocument.Parse(row).RootElement;
        return (array[0].GetString()!, array[1]);
    }
}
