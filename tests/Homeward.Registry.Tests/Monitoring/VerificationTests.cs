using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>
/// Staff draw random samples of their division's workers, verify the records with the workers, and the share of
/// verified records that were right is the registry's accuracy.
/// </summary>
public sealed class VerificationTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string Village = "419921101202";

    private HttpClient CountyOfficer => registry.ClientFor(MonitoringApi.Officer(MonitoringApi.CountyA));

    [Fact]
    public async Task A_sample_is_drawn_from_the_division_and_leaves_out_recently_verified_workers()
    {
        const string village = "419921102202";
        var workers = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            workers.Add(await registry.Client.RegisterAsync(village));
        }

        var elsewhere = await registry.Client.RegisterAsync("419921102203");
        Assert.Equal(HttpStatusCode.Created, (await CountyOfficer.VerifyAsync(workers[0])).StatusCode);

        var whole = await SampleAsync(CountyOfficer, village, 10);
        var two = await SampleAsync(CountyOfficer, village, 2);

        Assert.Equal(workers.Skip(1).Order(), whole.Order());
        Assert.Equal(2, two.Count);
        Assert.Subset(workers.Skip(1).ToHashSet(), two.ToHashSet());
        Assert.DoesNotContain(elsewhere, whole);
    }

    [Fact]
    public async Task A_worker_verified_more_than_30_days_ago_may_be_drawn_again()
    {
        const string village = "419921102204";
        var workerId = await registry.Client.RegisterAsync(village);
        Assert.Equal(HttpStatusCode.Created, (await CountyOfficer.VerifyAsync(workerId)).StatusCode);
        Assert.Empty(await SampleAsync(CountyOfficer, village, 5));

        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.verifications SET verified_at = now() - interval '31 days' WHERE worker_id = '{workerId}'");

        Assert.Equal([workerId], await SampleAsync(CountyOfficer, village, 5));
    }

    [Fact]
    public async Task A_verification_without_corrections_confirms_the_record_and_one_with_corrections_does_not_count_as_confirmed()
    {
        var right = await registry.Client.RegisterAsync(Village);
        var wrong = await registry.Client.RegisterAsync(Village);
        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET last_confirmed_at = '2025-01-01T00:00:00Z' WHERE id IN ('{right}', '{wrong}')");

        var confirmed = await CountyOfficer.VerifyAsync(right);
        var corrected = await CountyOfficer.VerifyAsync(wrong, "education", "status");

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var verification = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verification.GetProperty("confirmed").GetBoolean());
        Assert.Equal(Village, verification.GetProperty("householdDivision").GetString());
        var correctedBody = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(correctedBody.GetProperty("confirmed").GetBoolean());
        Assert.Equal(["education", "status"], correctedBody.GetProperty("correctedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.True((await registry.Client.WorkerAsync(right)).Time("lastConfirmedAt") > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.True((await registry.Client.WorkerAsync(wrong)).Time("lastConfirmedAt") > DateTimeOffset.UtcNow.AddMinutes(-1));
        var read = await CountyOfficer.GetAsync(confirmed.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(verification.GetProperty("id").GetGuid(), (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Accuracy_is_confirmed_divided_by_verified_in_the_division_and_period()
    {
        const string village = "419921103201";
        var workers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add(await registry.Client.RegisterAsync(village));
        }

        await CountyOfficer.VerifyAsync(workers[0]);
        await CountyOfficer.VerifyAsync(workers[1]);
        await CountyOfficer.VerifyAsync(workers[2], "phone");
        var today = TimeProvider.System.Today();

        var accuracy = await AccuracyAsync($"division={village}&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var later = await AccuracyAsync($"division={village}&from={today.AddDays(2):yyyy-MM-dd}&to={today.AddDays(9):yyyy-MM-dd}");
        var nothingVerified = await AccuracyAsync("division=419921103202");

        Assert.Equal(3, accuracy.GetProperty("verified").GetInt32());
        Assert.Equal(2, accuracy.GetProperty("confirmed").GetInt32());
        Assert.Equal(0.6667m, accuracy.GetProperty("accuracy").GetDecimal());
        Assert.Equal(0, later.GetProperty("verified").GetInt32());
        Assert.Equal(JsonValueKind.Null, later.GetProperty("accuracy").ValueKind);
        Assert.Equal(0, nothingVerified.GetProperty("verified").GetInt32());
        Assert.Equal(JsonValueKind.Null, nothingVerified.GetProperty("accuracy").ValueKind);
        Assert.Equal(["to"], (await (await registry.Client.GetAsync($"/api/registry/v1/accuracy?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}"))
            .AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Corrected_fields_are_names_of_the_record_and_the_source_is_required()
    {
        var workerId = await registry.Client.RegisterAsync(Village);

        var unknownField = await CountyOfficer.VerifyAsync(workerId, "nationalId");
        var noSource = await CountyOfficer.PostAsJsonAsync($"/api/registry/v1/workers/{workerId}/verifications", new { correctedFields = Array.Empty<string>() });
        var badSize = await CountyOfficer.PostAsJsonAsync("/api/registry/v1/verification-samples", new { division = Village, size = 0 });

        Assert.Equal(["correctedFields"], (await unknownField.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["source"], (await noSource.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["size"], (await badSize.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Village_collectors_do_not_verify_or_draw_samples_of_their_own_records()
    {
        var workerId = await registry.Client.RegisterAsync(Village);
        var collector = registry.ClientFor(MonitoringApi.Officer(Village, Roles.VillageCollector));

        await (await collector.VerifyAsync(workerId)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await collector.PostAsJsonAsync("/api/registry/v1/verification-samples", new { size = 5 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.verifications WHERE worker_id = '{workerId}'"));
    }

    private static async Task<List<Guid>> SampleAsync(HttpClient client, string division, int size)
    {
        var response = await client.PostAsJsonAsync("/api/registry/v1/verification-samples", new { division, size });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sample = await response.Content.ReadFromJsonAsync<JsonElement>();
        return sample.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("workerId").GetGuid()).ToList();
    }

    private async Task<JsonElement> AccuracyAsync(string query) =>
        await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/accuracy?{query}");
}
