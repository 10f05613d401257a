using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Registry;
using Homeward.Testing;

namespace Homeward.Training.Tests.Workers;

/// <summary>Registry events become training's workers: idempotently, tolerant of order, without personal identifiers.</summary>
public sealed class WorkerProjectionTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Workers = $"{TrainingApi.Root}/workers";

    [Fact]
    public async Task A_registered_worker_is_known_with_training_needs_and_status_but_no_id_number_or_phone()
    {
        var workerId = await training.RegisterWorkerAsync(trainingNeeds: ["welder", "electrician"], name: "张伟");

        var worker = await (await training.Client.GetAsync($"{Workers}/{workerId}")).OkAsync();

        Assert.Equal("张伟", worker.GetProperty("name").GetString());
        Assert.Equal(TrainingApi.VillageA, worker.GetProperty("householdDivision").GetString());
        Assert.Equal(["electrician", "welder"], worker.GetProperty("trainingNeeds").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("seekingWork", worker.GetProperty("status").GetString());
        Assert.Equal(
            ["householdDivision", "name", "registeredAt", "status", "trainingNeeds", "workerId"],
            worker.EnumerateObject().Select(p => p.Name).Order());
        var columns = await training.Database.ScalarAsAdminAsync<string>(
            "SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_schema = 'training' AND table_name = 'workers'");
        Assert.DoesNotContain("national", columns, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", columns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_applied_once()
    {
        var registered = new WorkerRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "李娜", "female", new DateOnly(1990, 1, 1), TrainingApi.VillageA, TrainingApi.Facts());

        await training.PublishAsync(registered);
        await training.PublishAsync(registered);

        await Eventually.TrueAsync(
            async () => (await training.Client.GetAsync($"{Workers}/{registered.WorkerId}")).StatusCode == HttpStatusCode.OK, "the worker to be projected");
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.inbox_messages WHERE message_id = '{registered.EventId}'") == 1,
            "the inbox to record the message");
        Assert.Equal(1L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.workers WHERE worker_id = '{registered.WorkerId}'"));
    }

    [Fact]
    public async Task An_older_profile_arriving_late_does_not_overwrite_newer_facts()
    {
        var now = DateTimeOffset.UtcNow;
        var registered = new WorkerRegistered(Guid.CreateVersion7(), now.AddMinutes(-10), Guid.CreateVersion7(), "王芳", "female", new DateOnly(1990, 1, 1), TrainingApi.VillageA, TrainingApi.Facts());
        var newer = new WorkerProfileUpdated(Guid.CreateVersion7(), now, registered.WorkerId, ["trainingNeeds"], "王芳", TrainingApi.VillageA, TrainingApi.Facts(["housekeeping"]));
        var older = newer with { EventId = Guid.CreateVersion7(), OccurredAt = now.AddMinutes(-5), Facts = TrainingApi.Facts(["welder"]) };

        await training.PublishAsync(registered);
        await training.PublishAsync(newer);
        await Eventually.MatchesAsync(
            async () => await (await training.Client.GetAsync($"{Workers}/{registered.WorkerId}")).Content.ReadAsStringAsync(),
            needs => needs.Contains("housekeeping", StringComparison.Ordinal),
            "the newer training needs");
        await training.PublishAsync(older);
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.inbox_messages WHERE message_id = '{older.EventId}'") == 1,
            "the older event to be consumed");

        var worker = await training.Client.GetFromJsonAsync<JsonElement>($"{Workers}/{registered.WorkerId}");
        Assert.Equal(["housekeeping"], worker.GetProperty("trainingNeeds").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_worker_known_only_from_a_later_event_is_not_registered_until_the_registration_arrives()
    {
        var now = DateTimeOffset.UtcNow;
        var workerId = Guid.CreateVersion7();
        var changed = new EmploymentStatusChanged(Guid.CreateVersion7(), now, workerId, "seekingWork", "inTraining", now, "staff", TrainingApi.VillageA);
        var registered = new WorkerRegistered(Guid.CreateVersion7(), now.AddMinutes(-1), workerId, "赵六", "male", new DateOnly(1988, 8, 8), TrainingApi.VillageA, TrainingApi.Facts());

        await training.PublishAsync(changed);
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.workers WHERE worker_id = '{workerId}'") == 1,
            "the status change to be kept");
        await (await training.Client.GetAsync($"{Workers}/{workerId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        await training.PublishAsync(registered);
        var worker = await Eventually.MatchesAsync(
            () => training.Client.GetAsync($"{Workers}/{workerId}"), response => response.StatusCode == HttpStatusCode.OK, "the registration to complete the worker");
        var body = await worker.OkAsync();
        Assert.Equal("inTraining", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_change_into_employment_is_kept_as_a_start_of_work()
    {
        var workerId = await training.RegisterWorkerAsync();
        var changed = new EmploymentStatusChanged(Guid.CreateVersion7(), DateTimeOffset.UtcNow, workerId, "seekingWork", "selfEmployed", DateTimeOffset.UtcNow, "staff", TrainingApi.VillageA);

        await training.PublishAsync(changed);
        await training.PublishAsync(changed);

        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.employment_records WHERE worker_id = '{workerId}'") == 1,
            "the start of work to be recorded");
        await Eventually.TrueAsync(
            async () => await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.inbox_messages WHERE message_id = '{changed.EventId}'") == 1,
            "the inbox to record the message");
        Assert.Equal(1L, await training.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM training.employment_records WHERE worker_id = '{workerId}'"));
    }

    [Fact]
    public async Task Staff_of_another_county_get_404_for_a_worker_like_for_a_missing_one()
    {
        var workerId = await training.RegisterWorkerAsync(TrainingApi.VillageB);
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingRead));
        var countyB = training.ClientFor(Caller.Staff(TrainingApi.CountyB, Roles.CountyOfficer, Scopes.TrainingRead));

        await (await countyA.GetAsync($"{Workers}/{workerId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await countyB.GetAsync($"{Workers}/{workerId}")).StatusCode);
        await (await training.ClientFor(Caller.Staff(TrainingApi.CountyB, Roles.CountyOfficer, Scopes.TrainingWrite)).GetAsync($"{Workers}/{workerId}"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
