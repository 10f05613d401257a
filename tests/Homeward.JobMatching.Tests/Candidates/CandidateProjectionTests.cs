using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Contracts.Registry;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Infrastructure.Candidates;
using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Tests.Candidates;

/// <summary>Registry events become candidates: idempotently, tolerant of order, without personal identifiers.</summary>
public sealed class CandidateProjectionTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_registered_worker_becomes_a_candidate_without_id_number_or_phone()
    {
        var registered = Registered("张伟", DateTimeOffset.UtcNow);

        await PublishAsync(registered);

        var candidate = await CandidateAsync(registered.WorkerId);
        Assert.Equal("张伟", candidate.GetProperty("name").GetString());
        Assert.Equal("male", candidate.GetProperty("gender").GetString());
        Assert.Equal("1990-01-01", candidate.GetProperty("birthDate").GetString());
        Assert.Equal("419921101201", candidate.GetProperty("householdDivision").GetString());
        Assert.Equal(
            ["birthDate", "certificates", "education", "gender", "householdDivision", "intention", "name", "registeredAt", "residenceDivision", "skills", "status", "workerId"],
            candidate.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_applied_once()
    {
        var registered = Registered("李娜", DateTimeOffset.UtcNow);

        await PublishAsync(registered);
        await PublishAsync(registered);

        await CandidateAsync(registered.WorkerId);
        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM jobmatching.inbox_messages WHERE message_id = '{registered.EventId}'") == 1,
            "the inbox to record the message");
        await Task.Delay(500);
        Assert.Equal(1L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.inbox_messages WHERE message_id = '{registered.EventId}'"));
        Assert.Equal(1L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.candidates WHERE worker_id = '{registered.WorkerId}'"));
    }

    [Fact]
    public async Task An_older_event_arriving_late_does_not_overwrite_newer_facts()
    {
        var now = DateTimeOffset.UtcNow;
        var newer = Registered("王芳", now);
        var older = newer with { EventId = Guid.CreateVersion7(), OccurredAt = now.AddMinutes(-5), Name = "王芳芳", HouseholdDivision = "419921101202" };

        await PublishAsync(newer);
        await CandidateAsync(newer.WorkerId);
        await PublishAsync(older);
        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM jobmatching.inbox_messages WHERE message_id = '{older.EventId}'") == 1,
            "the older event to be consumed");

        var candidate = await CandidateAsync(newer.WorkerId);
        Assert.Equal("王芳", candidate.GetProperty("name").GetString());
        Assert.Equal("419921101201", candidate.GetProperty("householdDivision").GetString());
    }

    [Fact]
    public async Task A_profile_update_that_overtakes_the_registration_is_kept_and_completed_by_it()
    {
        var now = DateTimeOffset.UtcNow;
        var registered = Registered("赵六", now.AddMinutes(-1));
        var updated = new WorkerProfileUpdated(Guid.CreateVersion7(), now, registered.WorkerId, ["name", "householdDivision"], "赵六六", "419921101202");

        await jobMatching.Services.GetRequiredService<IBus>().Publish(updated, context => context.MessageId = updated.EventId);
        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM jobmatching.inbox_messages WHERE message_id = '{updated.EventId}'") == 1,
            "the profile update to be consumed");
        Assert.Equal(HttpStatusCode.NotFound, (await jobMatching.Client.GetAsync($"/api/job-matching/v1/candidates/{registered.WorkerId}")).StatusCode);

        await PublishAsync(registered);

        var candidate = await CandidateAsync(registered.WorkerId);
        Assert.Equal("赵六六", candidate.GetProperty("name").GetString());
        Assert.Equal("419921101202", candidate.GetProperty("householdDivision").GetString());
        Assert.Equal("male", candidate.GetProperty("gender").GetString());
    }

    [Fact]
    public async Task A_newer_profile_update_changes_the_candidate()
    {
        var registered = Registered("钱七", DateTimeOffset.UtcNow.AddMinutes(-1));
        await PublishAsync(registered);
        await CandidateAsync(registered.WorkerId);
        var updated = new WorkerProfileUpdated(Guid.CreateVersion7(), DateTimeOffset.UtcNow, registered.WorkerId, ["name"], "钱七七", registered.HouseholdDivision);

        await jobMatching.Services.GetRequiredService<IBus>().Publish(updated, context => context.MessageId = updated.EventId);

        await Eventually.MatchesAsync(
            async () => (await CandidateAsync(registered.WorkerId)).GetProperty("name").GetString(),
            name => name == "钱七七",
            "the new name");
    }

    [Fact]
    public async Task Registrations_and_updates_of_many_workers_at_once_in_any_order_end_as_the_newest_facts_say()
    {
        var now = DateTimeOffset.UtcNow;
        var registrations = Enumerable.Range(0, 120)
            .Select(i => Registered($"孙{i}", now.AddMinutes(-1)) with { Facts = Workers.Welder(minimumWage: 3000m) })
            .ToList();
        var updates = registrations
            .Select(r => new WorkerProfileUpdated(Guid.CreateVersion7(), now, r.WorkerId, ["name", "intention"], r.Name + "新", r.HouseholdDivision, Workers.Welder(level: "senior", minimumWage: 5200m)))
            .ToList();
        var bus = jobMatching.Services.GetRequiredService<IBus>();

        // Registrations and updates reach two consumers at once: many candidates are created by both, in whichever order.
        await Task.WhenAll(
            Task.Run(async () => { foreach (var r in registrations) { await bus.Publish(r, context => context.MessageId = r.EventId); } }),
            Task.Run(async () => { foreach (var u in updates.AsEnumerable().Reverse()) { await bus.Publish(u, context => context.MessageId = u.EventId); } }));

        var ids = string.Join(", ", registrations.Select(r => $"'{r.WorkerId}'"));
        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM jobmatching.candidates WHERE worker_id IN ({ids}) AND registered_at IS NOT NULL AND name LIKE '%新' "
                + "AND minimum_wage = 5200 AND 'welder:senior' = ANY (skill_keys) AND NOT ('welder:technician' = ANY (skill_keys))") == registrations.Count,
            "every candidate registered with the newer facts");
        Assert.Equal(registrations.Count, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.candidates WHERE worker_id IN ({ids})"));
    }

    [Fact]
    public void A_bulk_insert_of_candidates_writes_every_column_the_mapping_stores()
    {
        using var scope = jobMatching.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<JobMatchingDbContext>().Model;
        var candidate = model.FindEntityType(typeof(Candidate))!;
        var table = StoreObjectIdentifier.Table(candidate.GetTableName()!, candidate.GetSchema());

        var stored = candidate.GetProperties().Select(p => p.GetColumnName(table)!).Where(column => column != "xmin");

        Assert.Equal(stored.Order(StringComparer.Ordinal), CandidateCopy.Columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_candidate_answers_404_problem()
    {
        await (await jobMatching.Client.GetAsync($"/api/job-matching/v1/candidates/{Guid.NewGuid()}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static WorkerRegistered Registered(string name, DateTimeOffset occurredAt) =>
        new(Guid.CreateVersion7(), occurredAt, Guid.CreateVersion7(), name, "male", new DateOnly(1990, 1, 1), "419921101201");

    private Task PublishAsync(WorkerRegistered registered) =>
        jobMatching.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);

    private async Task<JsonElement> CandidateAsync(Guid workerId)
    {
        var response = await Eventually.MatchesAsync(
            () => jobMatching.Client.GetAsync($"/api/job-matching/v1/candidates/{workerId}"),
            r => r.StatusCode == HttpStatusCode.OK,
            $"candidate {workerId}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
