using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Placements;

public sealed class RecommendationTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_recommendation_is_recorded_with_who_when_and_channel_and_announced()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();

        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId, channel = "jobFair" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recommendation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("jobFair", recommendation.GetProperty("channel").GetString());
        Assert.True(recommendation.GetProperty("isOpen").GetBoolean());
        Assert.False(string.IsNullOrEmpty(recommendation.GetProperty("recommendedBy").GetString()));
        var id = recommendation.GetProperty("id").GetGuid();
        var payload = JsonDocument.Parse(await Eventually.MatchesAsync(
            () => jobMatching.Database.ScalarAsAdminAsync<string>(
                $"SELECT payload::text FROM jobmatching.outbox_messages WHERE payload->>'recommendationId' = '{id}' AND processed_at IS NOT NULL"),
            text => text is not null,
            "WorkerRecommended to be published")).RootElement;
        Assert.Equal(workerId, payload.GetProperty("workerId").GetGuid());
        Assert.Equal(vacancyId, payload.GetProperty("vacancyId").GetGuid());
    }

    [Fact]
    public async Task No_second_open_recommendation_of_the_same_pair_but_a_new_one_after_it_ended()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();
        var first = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });

        var second = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("recommendation-already-open", problem.GetProperty("code").GetString());
        Assert.Equal(first.Headers.Location!.ToString(), problem.GetProperty("existing").GetString());
        var declined = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{first.Headers.Location}/outcomes", new { outcome = "declined" }, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId })).StatusCode);
    }

    [Fact]
    public async Task Concurrent_recommendations_of_the_same_pair_record_one()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Outcomes_move_forward_with_their_time_and_need_if_match()
    {
        var (path, etag) = await RecommendAsync();

        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "applied" }, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var appliedAt = DateTimeOffset.UtcNow;
        var applied = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "applied", at = appliedAt }, etag);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "interviewed" }, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var interviewed = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "interviewed" }, applied.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, interviewed.StatusCode);

        var backwards = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "applied" }, interviewed.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("outcome-not-allowed", backwards.GetProperty("code").GetString());
        var hired = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "hired" }, interviewed.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("outcome", hired.ErrorFields());
        var future = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcomes", new { outcome = "rejected", at = DateTimeOffset.UtcNow.AddDays(1) }, interviewed.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("outcome-time-invalid", future.GetProperty("code").GetString());

        var (read, _) = await jobMatching.Client.ReadAsync(path);
        var outcomes = read.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(["applied", "interviewed"], outcomes.Select(o => o.GetProperty("outcome").GetString()));
        Assert.Equal(appliedAt, outcomes[0].GetProperty("at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("interviewed", read.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_closed_vacancy_takes_no_recommendation()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancy = await jobMatching.Client.CreateVacancyAsync();
        var path = $"{JobMatchingApi.Root}/vacancies/{vacancy.GetProperty("id").GetGuid()}";
        var (_, etag) = await jobMatching.Client.ReadAsync(path);
        await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "closed" }, etag);

        var problem = await (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId = vacancy.GetProperty("id").GetGuid() }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("vacancy-not-open", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_recommend_and_see_recommendations_only_for_workers_of_their_division()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419922101201");
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync("419921101201")).GetProperty("id").GetGuid();
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var countyB = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));

        await (await countyA.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId })).AssertProblemAsync(HttpStatusCode.NotFound);
        var recorded = await countyB.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        await (await countyA.GetAsync(recorded.Headers.Location!.ToString())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Post, $"{recorded.Headers.Location}/outcomes", new { outcome = "applied" }, recorded.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var listA = await countyA.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/recommendations?workerId={workerId}");
        Assert.Equal(0, listA.GetProperty("items").GetArrayLength());
        var listB = await countyB.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/recommendations?workerId={workerId}");
        Assert.Equal(1, listB.GetProperty("items").GetArrayLength());
    }

    private async Task<(string Path, string ETag)> RecommendAsync()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder());
        var vacancyId = (await jobMatching.Client.CreateVacancyAsync()).GetProperty("id").GetGuid();
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/recommendations", new { workerId, vacancyId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!.ToString(), response.Headers.ETag!.Tag);
    }
}
