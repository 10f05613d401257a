using System.Net.Http.Json;
using System.Text.Json;
using Homeward.JobMatching.Application.Matching;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.SharedKernel;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>The service with ranking pages and score chunks so small that every list needs several of each.</summary>
public sealed class SmallPagesJobMatchingService() : ServiceUnderTest<Program>("JobMatching", "jobmatching")
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["JobMatching:Matching:RankingPage"] = "7";
        defaults["JobMatching:Matching:ScoreChunk"] = "3";
        return defaults;
    }
}

/// <summary>
/// The database ranks pairs and only the best are scored in full; the lists must be those of scoring every pair. Over
/// a few hundred generated workers and vacancies (few trades and villages, so scores tie often; some pairs share no
/// trade, some workers are busy or far away, some vacancies full or closed), both directions answer through the API
/// exactly the list, scores and order that loading everything and scoring it in memory gives.
/// </summary>
public sealed class MatchingEquivalenceTests(SmallPagesJobMatchingService jobMatching) : IClassFixture<SmallPagesJobMatchingService>
{
    private const int Limit = 8;

    [Fact]
    public async Task Both_directions_list_what_scoring_every_pair_lists()
    {
        var today = jobMatching.Services.GetRequiredService<TimeProvider>().Today();
        var market = new GeneratedMarket(20261129, today, DateTimeOffset.UtcNow);
        var candidates = Enumerable.Range(0, 300).Select(_ => market.NextCandidate()).ToList();
        var employers = Enumerable.Range(0, 40).Select(_ => market.NextEmployer()).ToList();
        var vacancies = Enumerable.Range(0, 250).Select(i => market.NextVacancy(employers[i % employers.Count])).ToList();
        await using (var scope = jobMatching.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobMatchingDbContext>();
            db.Candidates.AddRange(candidates);
            db.Employers.AddRange(employers);
            db.Vacancies.AddRange(vacancies);
            await db.SaveChangesAsync();
        }

        var matcher = new Matcher(jobMatching.Services.GetRequiredService<IOptions<MatchingOptions>>().Value.ToWeights());
        var listed = 0;
        foreach (var candidate in candidates.Where(c => c.Status == CandidateStatus.SeekingWork).Take(40))
        {
            var expected = Best(vacancies.Where(v => Matcher.Exclusion(candidate, v, today) is null), v => v.Id, v => matcher.ScoreValue(candidate, v));
            var body = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/candidates/{candidate.WorkerId}/matches?limit={Limit}");

            Assert.Equal(expected, Listed(body, "vacancyId"));
            listed += expected.Count;
        }

        foreach (var vacancy in vacancies.Where(v => v.Status == VacancyStatus.Open && v.Remaining > 0).Take(40))
        {
            var expected = Best(candidates.Where(c => Matcher.Exclusion(c, vacancy, today) is null), c => c.WorkerId, c => matcher.ScoreValue(c, vacancy));
            var body = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies/{vacancy.Id}/matches?limit={Limit}");

            Assert.Equal(expected, Listed(body, "workerId"));
            listed += expected.Count;
        }

        Assert.True(listed > 40 * Limit, $"only {listed} hits over 80 lists: the generated market matches too little to compare");
    }

    private static List<(Guid Id, double Score)> Best<T>(IEnumerable<T> passing, Func<T, Guid> idOf, Func<T, double> scoreOf)
    {
        var scored = passing.Select(item => (Id: idOf(item), Score: scoreOf(item))).ToList();
        scored.Sort((left, right) => MatchOrder.Compare(left.Score, left.Id, right.Score, right.Id));
        return [.. scored.Take(Limit)];
    }

    private static List<(Guid Id, double Score)> Listed(JsonElement body, string idProperty) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty(idProperty).GetGuid(), i.GetProperty("score").GetDouble()))];
}
