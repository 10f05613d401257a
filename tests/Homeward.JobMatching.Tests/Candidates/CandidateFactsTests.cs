using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Contracts.Registry;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Tests.Candidates;

/// <summary>The profile facts matching needs, and the employment status, follow the registry in whatever order its events come.</summary>
public sealed class CandidateFactsTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    public static WorkerFacts Facts(string status = "seekingWork", string level = "intermediate", decimal? minimumWage = 4500m) => new(
        "seniorHigh",
        [new WorkerSkill("welder", level)],
        [new WorkerCertificate("CERT-0001", "skillLevel", "welder", level, true)],
        new WorkerIntention(["welder", "assembler"], "city", minimumWage, null, [5, 6, 10], false),
        [],
        "419921101201",
        status);

    [Fact]
    public async Task Skills_certificates_education_intention_and_status_are_projected_without_certificate_numbers()
    {
        var registered = Registered(DateTimeOffset.UtcNow, Facts());

        await PublishAsync(registered);

        var candidate = await CandidateAsync(registered.WorkerId, c => c.GetProperty("status").GetString() == "seekingWork");
        Assert.Equal("seniorHigh", candidate.GetProperty("education").GetString());
        var skill = Assert.Single(candidate.GetProperty("skills").EnumerateArray());
        Assert.Equal("welder", skill.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", skill.GetProperty("level").GetString());
        var certificate = Assert.Single(candidate.GetProperty("certificates").EnumerateArray());
        Assert.Equal("skillLevel", certificate.GetProperty("kind").GetString());
        Assert.DoesNotContain("CERT-0001", candidate.GetRawText(), StringComparison.Ordinal);
        var intention = candidate.GetProperty("intention");
        Assert.Equal("city", intention.GetProperty("where").GetString());
        Assert.Equal(4500m, intention.GetProperty("minimumMonthlyWage").GetDecimal());
        Assert.Equal([5, 6, 10], intention.GetProperty("busyMonths").EnumerateArray().Select(m => m.GetInt32()));
        Assert.False(intention.GetProperty("mustStayNearFamily").GetBoolean());
        Assert.Equal("{assembler,welder}", await jobMatching.Database.ScalarAsAdminAsync<string>(
            $"SELECT trade_codes::text FROM jobmatching.candidates WHERE worker_id = '{registered.WorkerId}'"));
    }

    [Fact]
    public async Task A_status_change_is_applied_and_an_older_profile_update_arriving_later_does_not_undo_it()
    {
        var now = DateTimeOffset.UtcNow;
        var registered = Registered(now.AddMinutes(-10), Facts());
        await PublishAsync(registered);
        await CandidateAsync(registered.WorkerId, c => c.GetProperty("status").GetString() == "seekingWork");
        var changed = new EmploymentStatusChanged(Guid.CreateVersion7(), now, registered.WorkerId, "seekingWork", "employedLocally", now, "platform", registered.HouseholdDivision);
        var olderUpdate = new WorkerProfileUpdated(
            Guid.CreateVersion7(), now.AddMinutes(-5), registered.WorkerId, ["skills"], registered.Name, registered.HouseholdDivision, Facts(level: "senior"));

        await PublishAsync(changed);
        await CandidateAsync(registered.WorkerId, c => c.GetProperty("status").GetString() == "employedLocally");
        await PublishAsync(olderUpdate);

        var candidate = await CandidateAsync(registered.WorkerId, c => c.GetProperty("skills")[0].GetProperty("level").GetString() == "senior");
        Assert.Equal("employedLocally", candidate.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Facts_overtaken_by_newer_facts_are_ignored_whatever_the_arrival_order()
    {
        var now = DateTimeOffset.UtcNow;
        var registered = Registered(now.AddMinutes(-10), Facts(level: "junior"));
        var newer = new WorkerProfileUpdated(Guid.CreateVersion7(), now, registered.WorkerId, ["skills"], registered.Name, registered.HouseholdDivision, Facts(level: "technician"));
        var older = newer with { EventId = Guid.CreateVersion7(), OccurredAt = now.AddMinutes(-1), Facts = Facts(level: "senior") };

        await PublishAsync(newer);
        await PublishAsync(registered);
        await PublishAsync(older);
        await PublishAsync(newer);

        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM jobmatching.inbox_messages WHERE message_id IN ('{registered.EventId}', '{newer.EventId}', '{older.EventId}')") == 3,
            "the three events to be consumed");
        var candidate = await CandidateAsync(registered.WorkerId, _ => true);
        Assert.Equal("technician", candidate.GetProperty("skills")[0].GetProperty("level").GetString());
        Assert.Equal("seekingWork", candidate.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_burst_of_registrations_with_duplicates_is_projected_once_each()
    {
        var events = Enumerable.Range(0, 250).Select(_ => Registered(DateTimeOffset.UtcNow, Facts())).ToList();
        var bus = jobMatching.Services.GetRequiredService<IBus>();

        await Task.WhenAll(events.Concat(events.Take(50)).Select(e => bus.Publish(e, context => context.MessageId = e.EventId)));

        var ids = string.Join(",", events.Select(e => $"'{e.WorkerId}'"));
        await Eventually.TrueAsync(
            async () => await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.candidates WHERE worker_id IN ({ids}) AND status = 'SeekingWork'") == 250,
            "every registration to be projected");
        var messageIds = string.Join(",", events.Select(e => $"'{e.EventId}'"));
        await Task.Delay(300);
        Assert.Equal(250L, await jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.inbox_messages WHERE message_id IN ({messageIds})"));
    }

    private static WorkerRegistered Registered(DateTimeOffset occurredAt, WorkerFacts facts) =>
        new(Guid.CreateVersion7(), occurredAt, Guid.CreateVersion7(), "孙八", "female", new DateOnly(1988, 8, 8), "419921101201", facts);

    private Task PublishAsync<T>(T message)
        where T : class, Contracts.IIntegrationEvent =>
        jobMatching.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = message.EventId);

    private async Task<JsonElement> CandidateAsync(Guid workerId, Func<JsonElement, bool> condition)
    {
        return await Eventually.MatchesAsync(
            async () =>
            {
                var response = await jobMatching.Client.GetAsync($"/api/job-matching/v1/candidates/{workerId}");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            candidate => candidate.ValueKind == JsonValueKind.Object && condition(candidate),
            $"candidate {workerId}");
    }
}
