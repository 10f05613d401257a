using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>
/// Monitoring is limited to the caller's division like every worker-level route: staff of county A can neither
/// observe, visit, resolve, sample nor verify county B's workers, nor see their discrepancies, verifications or work
/// queue items — those answer 404 exactly like missing ones, and lists and figures leave them out.
/// </summary>
public sealed class MonitoringScopingTests(RegistryService registry) : IClassFixture<RegistryService>, IAsyncLifetime
{
    private const string VillageA = "419921205201";
    private const string VillageB = "419922205201";

    private Guid _workerInA;
    private Guid _workerInB;
    private Guid _discrepancyInA;
    private Guid _discrepancyInB;
    private Guid _observationInB;
    private Guid _verificationInB;

    private HttpClient CountyAOfficer => registry.ClientFor(MonitoringApi.Officer(MonitoringApi.CountyA));

    public async Task InitializeAsync()
    {
        var today = TimeProvider.System.Today();
        _workerInA = await registry.Client.RegisterAsync(VillageA, name: "甲县人", education: "primary", returnedOn: today.AddDays(-5));
        _workerInB = await registry.Client.RegisterAsync(VillageB, name: "乙县人", education: "primary", returnedOn: today.AddDays(-5));
        _discrepancyInA = await registry.Client.DisagreeAsync(_workerInA, "education", "bachelor");
        var observation = await registry.Client.ObservedAsync(_workerInB, "education", "bachelor");
        _observationInB = observation.GetProperty("id").GetGuid();
        _discrepancyInB = observation.GetProperty("discrepancyId").GetGuid();
        var verification = await registry.Client.VerifyAsync(_workerInB);
        _verificationInB = (await verification.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET last_confirmed_at = now() - interval '400 days' WHERE id IN ('{_workerInA}', '{_workerInB}')");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Observations_and_visits_of_another_countys_worker_answer_404_and_record_nothing()
    {
        var observationsBefore = await CountAsync("observations", _workerInB);
        var lastVisitBefore = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT coalesce(last_visited_at::text, 'never') FROM registry.workers WHERE id = '{_workerInB}'");

        var observe = await CountyAOfficer.ObserveAsync(_workerInB, "education", "seniorHigh", "doorToDoorVisit");
        var visit = await CountyAOfficer.PostAsync($"/api/registry/v1/workers/{_workerInB}/visits", null);
        var read = await CountyAOfficer.GetAsync($"/api/registry/v1/workers/{_workerInB}/observations/{_observationInB}");

        await observe.AssertProblemAsync(HttpStatusCode.NotFound);
        await visit.AssertProblemAsync(HttpStatusCode.NotFound);
        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(observationsBefore, await CountAsync("observations", _workerInB));
        Assert.Equal(lastVisitBefore, await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT coalesce(last_visited_at::text, 'never') FROM registry.workers WHERE id = '{_workerInB}'"));
        Assert.Equal(HttpStatusCode.Created, (await CountyAOfficer.ObserveAsync(_workerInA, "residence", VillageA)).StatusCode);
    }

    [Fact]
    public async Task Another_countys_discrepancies_are_neither_listed_nor_readable_nor_resolvable()
    {
        var etag = (await registry.Client.GetAsync($"/api/registry/v1/discrepancies/{_discrepancyInB}")).Headers.ETag!.Tag;

        var listed = await CountyAOfficer.DiscrepancyIdsAsync();
        var filteredToB = await CountyAOfficer.DiscrepancyIdsAsync($"&division={MonitoringApi.CountyB}");
        var read = await CountyAOfficer.GetAsync($"/api/registry/v1/discrepancies/{_discrepancyInB}");
        var resolve = await CountyAOfficer.ResolveAsync(_discrepancyInB, etag, new { accept = true, reason = "Seen the diploma." });

        Assert.Contains(_discrepancyInA, listed);
        Assert.DoesNotContain(_discrepancyInB, listed);
        Assert.Empty(filteredToB);
        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        await resolve.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("open", (await registry.Client.DiscrepancyAsync(_discrepancyInB)).GetProperty("status").GetString());
        Assert.Equal("primary", (await registry.Client.WorkerAsync(_workerInB)).GetProperty("education").GetString());
    }

    [Fact]
    public async Task A_township_officer_sees_only_the_townships_discrepancies()
    {
        var otherTownship = registry.ClientFor(MonitoringApi.Officer("419921101000", Roles.TownshipOfficer));

        Assert.DoesNotContain(_discrepancyInA, await otherTownship.DiscrepancyIdsAsync());
        await (await otherTownship.GetAsync($"/api/registry/v1/discrepancies/{_discrepancyInA}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_countys_workers_cannot_be_sampled_or_verified()
    {
        var verificationsBefore = await CountAsync("verifications", _workerInB);

        var ownSample = await SampleAsync(new { size = 500 });
        var sampleOfB = await SampleAsync(new { division = MonitoringApi.CountyB, size = 500 });
        var verify = await CountyAOfficer.VerifyAsync(_workerInB);
        var read = await CountyAOfficer.GetAsync($"/api/registry/v1/workers/{_workerInB}/verifications/{_verificationInB}");

        Assert.Contains(_workerInA, ownSample);
        Assert.DoesNotContain(_workerInB, ownSample);
        Assert.Empty(sampleOfB);
        await verify.AssertProblemAsync(HttpStatusCode.NotFound);
        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(verificationsBefore, await CountAsync("verifications", _workerInB));
    }

    [Fact]
    public async Task Another_countys_verifications_do_not_count_in_the_callers_accuracy()
    {
        var ofB = await CountyAOfficer.GetFromJsonAsync<JsonElement>($"/api/registry/v1/accuracy?division={MonitoringApi.CountyB}");
        var cityOfB = await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/accuracy?division={MonitoringApi.CountyB}");

        Assert.Equal(0, ofB.GetProperty("verified").GetInt32());
        Assert.True(cityOfB.GetProperty("verified").GetInt32() > 0);
    }

    [Fact]
    public async Task Another_countys_workers_never_appear_in_the_callers_work_queue()
    {
        var own = await CountyAOfficer.WorkQueueAsync();
        var ofB = await CountyAOfficer.WorkQueueAsync($"limit=200&division={MonitoringApi.CountyB}");
        var city = await registry.Client.WorkQueueAsync();

        var ownWorkers = own.Select(i => i.GetProperty("workerId").GetGuid()).ToList();
        Assert.Equal(3, ownWorkers.Count(id => id == _workerInA));
        Assert.DoesNotContain(_workerInB, ownWorkers);
        Assert.Empty(ofB);
        Assert.Contains(city, i => i.GetProperty("workerId").GetGuid() == _workerInB);
    }

    private async Task<List<Guid>> SampleAsync(object body)
    {
        var response = await CountyAOfficer.PostAsJsonAsync("/api/registry/v1/verification-samples", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sample = await response.Content.ReadFromJsonAsync<JsonElement>();
        return sample.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("workerId").GetGuid()).ToList();
    }

    private Task<long> CountAsync(string table, Guid workerId) =>
        registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.{table} WHERE worker_id = '{workerId}'");
}
