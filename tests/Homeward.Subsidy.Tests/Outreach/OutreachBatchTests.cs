using System.Net;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Outreach;
using Homeward.Subsidy.Domain.Workers;
using Homeward.Subsidy.Infrastructure.Persistence;
using Homeward.Subsidy.Tests.Policies;
using Homeward.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Subsidy.Tests.Outreach;

/// <summary>The subsidy service with outreach chunks of three workers, so a small city spans many chunks written concurrently.</summary>
public sealed class SmallChunkSubsidyService : ServiceUnderTest<Program>
{
    public const int ChunkSize = 3;

    public SmallChunkSubsidyService()
        : base("Subsidy", "subsidy")
    {
    }

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Subsidy:OutreachChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return defaults;
    }
}

/// <summary>
/// The outreach batch over many chunks whose notifications are written while the next chunks are evaluated: every
/// eligible worker is notified exactly once, even by two runs at the same time, and a worker notified before keeps
/// that notification untouched.
/// </summary>
public sealed class OutreachBatchTests(SmallChunkSubsidyService subsidy) : IClassFixture<SmallChunkSubsidyService>
{
    [Fact]
    public async Task Two_concurrent_runs_over_many_chunks_notify_every_eligible_worker_once_and_leave_earlier_notifications_alone()
    {
        var seeking = Enumerable.Range(0, 16).Select(i => Worker($"求职{i}", WorkerStatus.SeekingWork, SubsidyEvents.Village)).ToList();
        var employed = Enumerable.Range(0, 5).Select(i => Worker($"在岗{i}", WorkerStatus.EmployedLocally, SubsidyEvents.Village)).ToList();
        var elsewhere = Worker("外县", WorkerStatus.SeekingWork, SubsidyEvents.OtherCountyVillage);
        await AddWorkersAsync([.. seeking, .. employed, elsewhere]);
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(rule: """{"fact":"employmentStatus","op":"eq","value":"seekingWork"}"""));
        var policyId = policy.GetProperty("id").GetGuid();
        var earlier = DateTimeOffset.UtcNow.AddDays(-3);
        var alreadyNotified = seeking.Take(4).Select(w => w.WorkerId).ToHashSet();
        await AddNotificationsAsync(alreadyNotified.Select(id => FunnelEntry.Notified(id, policyId, SubsidyEvents.Village, 1, earlier)));
        var county = subsidy.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.SubsidyRead, Scopes.SubsidyWrite));

        var runs = await Task.WhenAll(
            county.PostJsonAsync($"{SubsidyApi.Root}/outreach/runs", new { }, HttpStatusCode.OK),
            county.PostJsonAsync($"{SubsidyApi.Root}/outreach/runs", new { }, HttpStatusCode.OK));

        Assert.All(runs, run => Assert.Equal(seeking.Count + employed.Count, run.GetProperty("workersEvaluated").GetInt32()));
        Assert.Equal(seeking.Count - alreadyNotified.Count, runs.Sum(run => run.GetProperty("notified").GetInt32()));
        var entries = await NotificationsOfAsync(policyId);
        Assert.Equal(seeking.Select(w => w.WorkerId).Order(), entries.Select(e => e.WorkerId).Order());
        Assert.All(entries.Where(e => alreadyNotified.Contains(e.WorkerId)), e => Assert.Equal(earlier.ToUnixTimeMilliseconds(), e.NotifiedAt!.Value.ToUnixTimeMilliseconds()));
        Assert.All(entries.Where(e => !alreadyNotified.Contains(e.WorkerId)), e => Assert.True(e.NotifiedAt > earlier && e.NotifiedVersion == 1 && e.Division == SubsidyEvents.Village));

        var again = await county.PostJsonAsync($"{SubsidyApi.Root}/outreach/runs", new { }, HttpStatusCode.OK);

        Assert.Equal(0, again.GetProperty("notified").GetInt32());
        Assert.Equal(seeking.Count, (await NotificationsOfAsync(policyId)).Count);
    }

    private static Worker Worker(string name, WorkerStatus status, string village)
    {
        var registeredAt = DateTimeOffset.UtcNow.AddDays(-30);
        var worker = Domain.Workers.Worker.Unknown(Guid.CreateVersion7());
        worker.ApplyRegistration(name, new DateOnly(1990, 5, 1), village, registeredAt);
        worker.ApplyStatus(status, registeredAt);
        return worker;
    }

    /// <summary>Straight into the projection, as if their registrations had been consumed before the policy existed.</summary>
    private async Task AddWorkersAsync(IEnumerable<Worker> workers)
    {
        await using var scope = subsidy.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubsidyDbContext>();
        db.Workers.AddRange(workers);
        await db.SaveChangesAsync();
    }

    private async Task AddNotificationsAsync(IEnumerable<FunnelEntry> entries)
    {
        await using var scope = subsidy.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubsidyDbContext>();
        db.Funnel.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private async Task<List<FunnelEntry>> NotificationsOfAsync(Guid policyId)
    {
        await using var scope = subsidy.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubsidyDbContext>().Funnel.AsNoTracking().Where(f => f.PolicyId == policyId).ToListAsync();
    }
}
