using System.Net;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Registry;
using Homeward.Contracts.Training;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Workers;

/// <summary>Registry and training events become the worker facts: idempotently, tolerant of order, without personal identifiers.</summary>
public sealed class WorkerProjectionTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    [Fact]
    public async Task A_registered_worker_becomes_facts_without_id_number_or_phone()
    {
        var registered = SubsidyEvents.Registered("张伟", returnedOn: new DateOnly(2025, 3, 1));

        await subsidy.RegisterWorkerAsync(registered);

        var worker = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}");
        Assert.Equal("张伟", worker.GetProperty("name").GetString());
        Assert.Equal("2025-03-01", worker.GetProperty("returnedOn").GetString());
        Assert.Equal("seekingWork", worker.GetProperty("status").GetString());
        Assert.Equal(
            ["birthDate", "completedTrainings", "householdDivision", "name", "returnedOn", "status", "workerId"],
            worker.EnumerateObject().Select(p => p.Name).Order());
        var columns = await subsidy.Database.ScalarAsAdminAsync<string>(
            "SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_schema = 'subsidy' AND table_name = 'workers'");
        Assert.DoesNotContain("phone", columns, StringComparison.Ordinal);
        Assert.DoesNotContain("national", columns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_applied_once()
    {
        var registered = SubsidyEvents.Registered("李娜");

        await subsidy.PublishAsync(registered);
        await subsidy.PublishAsync(registered);
        await subsidy.RegisterWorkerAsync(registered);

        Assert.Equal(1L, await subsidy.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM subsidy.inbox_messages WHERE message_id = '{registered.EventId}'"));
        Assert.Equal(1L, await subsidy.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM subsidy.workers WHERE worker_id = '{registered.WorkerId}'"));
    }

    [Fact]
    public async Task An_older_status_arriving_late_does_not_overwrite_a_newer_one()
    {
        var registered = SubsidyEvents.Registered("王芳", occurredAt: DateTimeOffset.UtcNow.AddMinutes(-10));
        await subsidy.RegisterWorkerAsync(registered);
        var now = DateTimeOffset.UtcNow;
        var newer = StatusChanged(registered.WorkerId, "seekingWork", "selfEmployed", now);
        var older = StatusChanged(registered.WorkerId, "seekingWork", "employedLocally", now.AddMinutes(-5));

        await subsidy.PublishAsync(newer);
        await subsidy.WaitConsumedAsync(newer.EventId);
        await subsidy.PublishAsync(older);
        await subsidy.WaitConsumedAsync(older.EventId);

        var worker = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}");
        Assert.Equal("selfEmployed", worker.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_profile_update_that_overtakes_the_registration_is_kept_and_completed_by_it()
    {
        var now = DateTimeOffset.UtcNow;
        var registered = SubsidyEvents.Registered("赵六", occurredAt: now.AddMinutes(-1));
        var updated = new WorkerProfileUpdated(Guid.CreateVersion7(), now, registered.WorkerId, ["name", "return"], "赵六六", SubsidyEvents.Village,
            SubsidyEvents.Facts(returnedOn: new DateOnly(2025, 6, 1)));

        await subsidy.PublishAsync(updated);
        await subsidy.WaitConsumedAsync(updated.EventId);
        await (await subsidy.Client.GetAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await subsidy.RegisterWorkerAsync(registered);

        var worker = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}");
        Assert.Equal("赵六六", worker.GetProperty("name").GetString());
        Assert.Equal("2025-06-01", worker.GetProperty("returnedOn").GetString());
        Assert.Equal("1990-01-01", worker.GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Completed_trainings_are_kept_once_each_in_any_order()
    {
        var registered = SubsidyEvents.Registered("孙七");
        var completed = Completed(registered.WorkerId, "welder");

        await subsidy.PublishAsync(completed);
        await subsidy.WaitConsumedAsync(completed.EventId);
        await subsidy.RegisterWorkerAsync(registered);
        await subsidy.PublishAsync(completed with { EventId = Guid.CreateVersion7() });
        var second = Completed(registered.WorkerId, "e-commerce");
        await subsidy.PublishAsync(second);
        await subsidy.WaitConsumedAsync(second.EventId);

        var worker = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}");
        Assert.Equal(
            ["e-commerce", "welder"],
            worker.GetProperty("completedTrainings").EnumerateArray().Select(t => t.GetProperty("tradeCode").GetString()).Order());
    }

    [Fact]
    public async Task A_worker_outside_the_callers_division_answers_404_like_a_missing_one()
    {
        var registered = SubsidyEvents.Registered("周八", village: SubsidyEvents.OtherCountyVillage);
        await subsidy.RegisterWorkerAsync(registered);
        var township = subsidy.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.SubsidyRead));
        var county = subsidy.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.SubsidyRead));

        var elsewhere = await township.GetAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}");
        var missing = await township.GetAsync($"{SubsidyApi.Root}/workers/{Guid.NewGuid()}");

        await elsewhere.AssertProblemAsync(HttpStatusCode.NotFound);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        var seen = await county.ReadJsonAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}");
        Assert.Equal(JsonValueKind.String, seen.GetProperty("name").ValueKind);
    }

    private static EmploymentStatusChanged StatusChanged(Guid workerId, string from, string to, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, workerId, from, to, at, "collector", SubsidyEvents.Village);

    private static TrainingCompleted Completed(Guid workerId, string trade) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), workerId, Guid.CreateVersion7(), trade, new DateOnly(2025, 5, 1));
}
