using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Imports;

/// <summary>The registry importing in chunks of three rows, three chunks written at once.</summary>
public sealed class SmallChunksRegistry() : ServiceUnderTest<Program>("Registry", "registry")
{
    public const int ChunkSize = 3;

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Registry:Imports:ChunkSize"] = ChunkSize.ToString(CultureInfo.InvariantCulture);
        defaults["Registry:Imports:ConcurrentChunks"] = "3";
        return defaults;
    }
}

/// <summary>
/// An import whose chunks are written at the same time on connections of their own still upserts every person once,
/// reports a person repeated in a later chunk, and writes one event per change in the transaction of its row.
/// </summary>
public sealed class ChunkedImportTests(SmallChunksRegistry registry) : IClassFixture<SmallChunksRegistry>
{
    private const string Village = "419921101201";
    private const string Registered = "urn:message:homeward:registry:worker-registered:v1";

    [Fact]
    public async Task Chunks_written_at_once_upsert_each_person_once_report_a_number_repeated_in_a_later_chunk_and_announce_each_change()
    {
        var known = NationalIds.Next();
        var knownId = await RegisterAsync(known, "孙丽");
        var fresh = Enumerable.Range(0, 6).Select(_ => NationalIds.Next()).ToArray();
        var csv = Ledgers.Csv(
            Ledgers.Row(fresh[0]),                                                    // row 2, chunk 1
            Ledgers.Row(fresh[1]),
            Ledgers.Row(fresh[2]),
            Ledgers.Row(known, name: "孙丽", status: "employedLocally"),              // row 5, chunk 2
            Ledgers.Row(fresh[3]),
            Ledgers.Row(fresh[0], name: "李娜"),                                      // row 7: fresh[0] again
            Ledgers.Row(fresh[4]),                                                    // row 8, chunk 3
            Ledgers.Row(NationalIds.WithWrongCheckCharacter(NationalIds.Next())),     // row 9
            Ledgers.Row(fresh[5]),
            Ledgers.Row(fresh[1], name: "王芳"));                                     // row 11, chunk 4: fresh[1] again

        var job = await Ledgers.ImportAsync(registry.Client, csv);

        Ledgers.AssertCounts(job, created: 6, updated: 1, rejected: 3);
        var errors = await Ledgers.ErrorsAsync(registry.Client, job);
        Assert.Equal(
            [(7, "nationalId", true), (9, "nationalId", false), (11, "nationalId", true)],
            errors.Select(e => (
                e.GetProperty("row").GetInt32(),
                e.GetProperty("field").GetString()!,
                e.GetProperty("message").GetString()!.Contains("already in row", StringComparison.Ordinal))).ToList());
        Assert.Contains("row 2", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("row 3", errors[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "张伟,张伟,张伟,张伟,张伟,张伟,孙丽",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"SELECT string_agg(name, ',' ORDER BY name = '孙丽', name) FROM registry.workers WHERE {MaskedIn([.. fresh, known])}"));

        // One WorkerRegistered per created worker, and the known worker's update announced once.
        Assert.Equal(
            6L,
            await registry.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM registry.outbox_messages m JOIN registry.workers w ON m.payload->>'workerId' = w.id::text WHERE m.type = '{Registered}' AND {MaskedIn(fresh)}"));
        Assert.Equal(
            "urn:message:homeward:registry:employment-status-changed:v1,urn:message:homeward:registry:worker-profile-updated:v1",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"SELECT string_agg(type, ',' ORDER BY type) FROM registry.outbox_messages WHERE payload->>'workerId' = '{knownId}' AND type <> '{Registered}'"));

        var eventsBefore = await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages");
        var again = await Ledgers.ImportAsync(registry.Client, csv);
        Ledgers.AssertCounts(again, unchanged: 7, rejected: 3);
        Assert.Equal(eventsBefore, await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages"));
    }

    [Fact]
    public async Task A_record_named_by_its_id_and_again_by_its_number_in_a_later_chunk_counts_for_its_first_row_only()
    {
        var nationalId = NationalIds.Next();
        var id = await RegisterAsync(nationalId, "周杰");
        var content = Encoding.UTF8.GetBytes(string.Join(
            "\r\n",
            "workerId,nationalId,name,householdDivision,education",
            $"{id},{Ledgers.Masked(nationalId)},周杰,{Village},seniorHigh",
            $",{NationalIds.Next()},吴霞,{Village},primary",
            $",{NationalIds.Next()},徐军,{Village},primary",
            $",{nationalId},周杰,{Village},juniorCollege") + "\r\n");

        var job = await Ledgers.ImportAsync(registry.Client, content);

        Ledgers.AssertCounts(job, created: 2, updated: 1, rejected: 1);
        var error = Assert.Single(await Ledgers.ErrorsAsync(registry.Client, job));
        Assert.Equal((5, "nationalId"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Contains("same person is already in row 2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var worker = await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{id}");
        Assert.Equal("seniorHigh", worker.GetProperty("education").GetString());
    }

    [Fact]
    public async Task An_imports_events_are_published_once_its_last_chunk_has_committed()
    {
        var people = Enumerable.Range(0, 10 * SmallChunksRegistry.ChunkSize).Select(_ => NationalIds.Next()).ToArray();

        var job = await Ledgers.ImportAsync(registry.Client, Ledgers.Csv([.. people.Select(p => Ledgers.Row(p))]));

        Ledgers.AssertCounts(job, created: people.Length);
        var events = $"registry.outbox_messages m JOIN registry.workers w ON m.payload->>'workerId' = w.id::text WHERE m.type = '{Registered}' AND {MaskedIn(people)}";
        await Eventually.TrueAsync(
            async () => await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM {events} AND m.processed_at IS NOT NULL") == people.Length,
            "every event of the import to be published");
        Assert.True(await registry.Database.ScalarAsAdminAsync<bool>(
            $"SELECT min(m.processed_at) > (SELECT finished_at FROM registry.import_jobs WHERE id = '{job.GetProperty("id").GetGuid()}') FROM {events}"));
    }

    private async Task<Guid> RegisterAsync(string nationalId, string name)
    {
        var registered = await registry.Client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId, name, householdDivision = Village });
        registered.EnsureSuccessStatusCode();
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string MaskedIn(IReadOnlyList<string> nationalIds) =>
        $"national_id_masked IN ({string.Join(", ", nationalIds.Select(id => $"'{Ledgers.Masked(id)}'"))})";
}
