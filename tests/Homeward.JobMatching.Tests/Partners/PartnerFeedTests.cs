using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Partners;

/// <summary>The change feed: a snapshot from the start, changes after a cursor, tombstones, sectors, and no gaps under concurrent writes.</summary>
public sealed class PartnerFeedTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task The_feed_starts_with_the_current_state_then_gives_each_change_once_and_withdrawals_as_tombstones_by_sector()
    {
        var tianjin = PartnerApi.Client(jobMatching, "tianjin");
        var factory = await PartnerApi.CreateEnterpriseAsync(jobMatching, "tianjin", industry: "C");
        var builder = await PartnerApi.CreateEnterpriseAsync(jobMatching, "tianjin", industry: "E");
        await Put(tianjin, "tj-a", PartnerApi.Vacancy(factory, "装配工"));
        await Put(tianjin, "tj-b", PartnerApi.Vacancy(builder, "钢筋工"));
        var first = await Put(tianjin, "tj-c", PartnerApi.Vacancy(factory, "质检员"));
        var changedA = PartnerApi.Vacancy(factory, "装配工（长白班）");
        var (_, etagA) = await tianjin.ReadAsync($"{PartnerApi.Root}/vacancies/tj-a");
        Assert.Equal(HttpStatusCode.OK, (await tianjin.SendWithIfMatchAsync(HttpMethod.Put, $"{PartnerApi.Root}/vacancies/tj-a", changedA, etagA)).StatusCode);

        var snapshot = await tianjin.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed");
        Assert.Equal(["tj-b", "tj-c", "tj-a"], ExternalIds(snapshot));
        Assert.Equal("装配工（长白班）", snapshot.GetProperty("items")[2].GetProperty("vacancy").GetProperty("title").GetString());
        var cursor = snapshot.GetProperty("cursor").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await tianjin.DeleteAsync($"{PartnerApi.Root}/vacancies/tj-c")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await tianjin.DeleteAsync($"{PartnerApi.Root}/vacancies/tj-c")).StatusCode);
        var changes = await tianjin.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?after={cursor}");
        var tombstone = Assert.Single(changes.GetProperty("items").EnumerateArray());
        Assert.True(tombstone.GetProperty("deleted").GetBoolean());
        Assert.Equal("tj-c", tombstone.GetProperty("externalId").GetString());
        Assert.Equal(JsonValueKind.Null, tombstone.GetProperty("vacancy").ValueKind);
        var construction = await tianjin.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?sector=E");
        Assert.Equal(["tj-b"], ExternalIds(construction));
        Assert.Equal(first.GetProperty("vacancyId").GetGuid(), tombstone.GetProperty("vacancyId").GetGuid());
        var paged = await tianjin.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?limit=2");
        Assert.True(paged.GetProperty("hasMore").GetBoolean());
        var bad = await (await tianjin.GetAsync($"{PartnerApi.Root}/feed?after=-1&sector=Z&limit=5000")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "after", "limit", "sectors[0]" }, bad.ErrorFields().ToHashSet());
    }

    [Fact]
    public async Task A_consumer_that_stops_anywhere_and_resumes_from_its_cursor_ends_with_exactly_the_servers_state_under_concurrent_writes()
    {
        var shanghai = PartnerApi.Client(jobMatching, "shanghai");
        var enterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, "shanghai");
        var expected = new System.Collections.Concurrent.ConcurrentDictionary<string, (int Headcount, bool Deleted)>();

        async Task WriteAsync(int writer)
        {
            for (var round = 0; round < 6; round++)
            {
                // Each writer owns its ids, so the last write of each id is known; writers run side by side so commits interleave.
                var items = Enumerable.Range(0, 15).Select(i =>
                {
                    var item = PartnerApi.Vacancy(enterprise, headcount: 1 + round + i);
                    item["externalId"] = $"w{writer}-{i}";
                    return item;
                }).ToArray();
                var response = await shanghai.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                foreach (var i in Enumerable.Range(0, 15))
                {
                    expected[$"w{writer}-{i}"] = (1 + round + i, false);
                }

                var withdrawn = $"w{writer}-{round * 2}";
                Assert.Equal(HttpStatusCode.NoContent, (await shanghai.DeleteAsync($"{PartnerApi.Root}/vacancies/{withdrawn}")).StatusCode);
                // A tombstone carries no terms: a withdrawn vacancy is only known to be withdrawn.
                expected[withdrawn] = (0, true);
            }
        }

        var state = new Dictionary<string, (int Headcount, bool Deleted)>();
        var cursor = "0";
        var writers = Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w))));
        var random = new Random(6);
        while (!writers.IsCompleted)
        {
            // A consumer that stops after any page keeps only its state and cursor, and starts again from there.
            cursor = await ReadPagesAsync(shanghai, state, cursor, limit: random.Next(1, 25), maxPages: random.Next(1, 4));
        }

        await writers;
        cursor = await ReadPagesAsync(shanghai, state, cursor, limit: 50, maxPages: int.MaxValue);

        Assert.Equal(expected.OrderBy(p => p.Key).ToList(), state.OrderBy(p => p.Key).ToList());
        foreach (var (externalId, (headcount, deleted)) in expected)
        {
            var (vacancy, _) = await shanghai.ReadAsync($"{PartnerApi.Root}/vacancies/{externalId}");
            Assert.Equal(deleted, vacancy.GetProperty("withdrawn").GetBoolean());
            Assert.True(deleted || vacancy.GetProperty("headcount").GetInt32() == headcount);
        }
    }

    private static async Task<string> ReadPagesAsync(HttpClient client, Dictionary<string, (int, bool)> state, string cursor, int limit, int maxPages)
    {
        for (var page = 0; page < maxPages; page++)
        {
            var feed = await client.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?after={cursor}&limit={limit}");
            foreach (var item in feed.GetProperty("items").EnumerateArray())
            {
                var externalId = item.GetProperty("externalId").GetString()!;
                state[externalId] = item.GetProperty("deleted").GetBoolean()
                    ? (0, true)
                    : (item.GetProperty("vacancy").GetProperty("headcount").GetInt32(), false);
            }

            var next = feed.GetProperty("cursor").GetString()!;
            Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture));
            cursor = next;
            if (!feed.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        return cursor;
    }

    private static async Task<JsonElement> Put(HttpClient client, string externalId, object body)
    {
        var response = await client.SendWithIfMatchAsync(HttpMethod.Put, $"{PartnerApi.Root}/vacancies/{externalId}", body, null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<string?> ExternalIds(JsonElement feed) =>
        feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalId").GetString());
}
