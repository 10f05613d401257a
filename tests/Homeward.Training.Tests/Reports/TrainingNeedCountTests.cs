using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.Testing;

namespace Homeward.Training.Tests.Reports;

/// <summary>
/// The counts of workers needing each trade per village, which the demand report sums, follow the worker projection
/// exactly: after needs added and removed, a move to another village, duplicate and out-of-order events, and many
/// concurrent changes of one worker, they equal a recount from the workers.
/// </summary>
public sealed class TrainingNeedCountTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Counts =
        "SELECT coalesce(string_agg(division || ':' || trade_code || '=' || workers, ',' ORDER BY division, trade_code), '') "
        + "FROM training.training_need_counts WHERE workers <> 0";

    private const string Recount =
        "SELECT coalesce(string_agg(division || ':' || trade_code || '=' || workers, ',' ORDER BY division, trade_code), '') FROM ("
        + "SELECT w.household_division AS division, need AS trade_code, count(*) AS workers "
        + "FROM training.workers w CROSS JOIN LATERAL unnest(w.training_needs) AS need WHERE w.registered_at IS NOT NULL "
        + "GROUP BY w.household_division, need) AS recount";

    [Fact]
    public async Task Counts_per_village_and_trade_equal_a_recount_after_adds_removals_moves_duplicates_and_late_events()
    {
        var now = DateTimeOffset.UtcNow;
        var events = new List<IIntegrationEvent>();

        // Registered with two needs, then moved to another village with one need changed; an older change arrives last.
        var mover = Registered(now.AddMinutes(-10), TrainingApi.VillageA, "welder", "electrician");
        var moved = new WorkerProfileUpdated(Guid.CreateVersion7(), now, mover.WorkerId, ["householdDivision", "trainingNeeds"], "迁移", TrainingApi.VillageB, TrainingApi.Facts(["electrician", "housekeeping"]));
        var late = moved with { EventId = Guid.CreateVersion7(), OccurredAt = now.AddMinutes(-5), HouseholdDivision = TrainingApi.VillageA, Facts = TrainingApi.Facts(["chinese-cook"]) };

        // A newer change that overtakes the registration: counted only once the registration arrives, with the newer needs.
        var early = new WorkerProfileUpdated(Guid.CreateVersion7(), now, Guid.CreateVersion7(), ["trainingNeeds"], "超前", TrainingApi.VillageA, TrainingApi.Facts(["welder"]));
        var overtaken = Registered(now.AddMinutes(-1), TrainingApi.VillageA, early.WorkerId);

        // A need given up.
        var quitter = Registered(now.AddMinutes(-3), TrainingApi.VillageA, "welder");
        var quit = new WorkerProfileUpdated(Guid.CreateVersion7(), now, quitter.WorkerId, ["trainingNeeds"], "放弃", TrainingApi.VillageA, TrainingApi.Facts([]));

        await PublishAllAsync(events, mover, mover, moved);
        await PublishAllAsync(events, early, quitter, quit);
        await PublishAllAsync(events, late, overtaken, overtaken);

        // Twenty changes of one worker at once, in batches that may run side by side; the newest wins.
        var busy = Registered(now.AddMinutes(-30), TrainingApi.VillageA, "logistics");
        await PublishAllAsync(events, busy);
        var changes = Enumerable.Range(1, 20).Select(i => new WorkerProfileUpdated(
            Guid.CreateVersion7(), now.AddMinutes(-30).AddSeconds(i), busy.WorkerId, ["trainingNeeds"], "繁忙",
            i % 2 == 0 ? TrainingApi.VillageA : TrainingApi.VillageB, TrainingApi.Facts(i % 3 == 0 ? ["courier"] : ["courier", "logistics"]))).ToList();
        await Task.WhenAll(changes.Select(change => training.PublishAsync(change)));
        events.AddRange(changes);

        var ids = string.Join(",", events.Select(e => $"'{e.EventId}'").Distinct());
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(DISTINCT message_id) FROM training.inbox_messages WHERE message_id IN ({ids})")
                == events.Select(e => e.EventId).Distinct().Count(),
            "every event to be consumed");

        var counts = await training.Database.ScalarAsAdminAsync<string>(Counts);
        Assert.Equal(await training.Database.ScalarAsAdminAsync<string>(Recount), counts);
        Assert.Equal(
            $"{TrainingApi.VillageA}:courier=1,{TrainingApi.VillageA}:logistics=1,{TrainingApi.VillageA}:welder=1,"
            + $"{TrainingApi.VillageB}:electrician=1,{TrainingApi.VillageB}:housekeeping=1",
            counts);
    }

    private static WorkerRegistered Registered(DateTimeOffset occurredAt, string village, params string[] needs) =>
        Registered(occurredAt, village, Guid.CreateVersion7(), needs);

    private static WorkerRegistered Registered(DateTimeOffset occurredAt, string village, Guid workerId, params string[] needs) =>
        new(Guid.CreateVersion7(), occurredAt, workerId, "计数", "female", new DateOnly(1991, 3, 3), village, TrainingApi.Facts(needs));

    private async Task PublishAllAsync(List<IIntegrationEvent> published, params IIntegrationEvent[] events)
    {
        foreach (var integrationEvent in events)
        {
            await (integrationEvent switch
            {
                WorkerRegistered registered => training.PublishAsync(registered),
                WorkerProfileUpdated updated => training.PublishAsync(updated),
                _ => throw new ArgumentException($"{integrationEvent.GetType().Name} is not a registry event.", nameof(events)),
            });
            published.Add(integrationEvent);
        }
    }
}
