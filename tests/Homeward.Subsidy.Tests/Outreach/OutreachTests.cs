using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Registry;
using Homeward.SharedKernel;
using Homeward.Subsidy.Tests.Businesses;
using Homeward.Subsidy.Tests.Policies;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Outreach;

/// <summary>Eligibility with reasons, and notifications that reach the newly eligible: on registration, status change, new business, new policy.</summary>
public sealed class OutreachTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    [Fact]
    public async Task Eligibility_gives_every_active_policy_a_verdict_with_a_reason_for_each_condition()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(rule: """
            {"all":[{"fact":"age","op":"le","value":45},{"fact":"daysSinceReturn","op":"le","value":730}]}
            """));
        var expired = await subsidy.Client.DefineAsync(PolicyRequests.Policy(validFrom: "2020-01-01", validTo: "2021-12-31"));
        var worker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered(birthDate: new DateOnly(1960, 1, 1), returnedOn: TimeProvider.System.Today().AddDays(-10)));

        var verdicts = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/workers/{worker}/eligibility");

        var verdict = verdicts.EnumerateArray().Single(v => v.GetProperty("policyId").GetGuid() == policy.GetProperty("id").GetGuid());
        Assert.False(verdict.GetProperty("eligible").GetBoolean());
        Assert.Equal(1, verdict.GetProperty("policyVersion").GetInt32());
        var reasons = verdict.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(2, reasons.Count);
        Assert.False(reasons[0].GetProperty("inFavour").GetBoolean());
        Assert.StartsWith("age ≤ 45: ", reasons[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(reasons[1].GetProperty("inFavour").GetBoolean());
        Assert.DoesNotContain(verdicts.EnumerateArray(), v => v.GetProperty("policyId").GetGuid() == expired.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_newly_registered_eligible_worker_is_notified_once_and_an_ineligible_one_not_at_all()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(rule: """{"fact":"employmentStatus","op":"eq","value":"seekingWork"}"""));
        var policyId = policy.GetProperty("id").GetGuid();
        var seeking = SubsidyEvents.Registered("刘一", status: "seekingWork");
        var employed = SubsidyEvents.Registered("陈二", status: "employedLocally");

        await subsidy.RegisterWorkerAsync(seeking);
        await subsidy.PublishAsync(seeking with { EventId = Guid.CreateVersion7() });
        await subsidy.RegisterWorkerAsync(employed);

        Assert.Single(await NotificationsAsync(seeking.WorkerId, policyId));
        Assert.Empty(await NotificationsAsync(employed.WorkerId, policyId));
    }

    [Fact]
    public async Task A_status_change_that_makes_a_worker_eligible_notifies_them()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(rule: """{"fact":"employmentStatus","op":"eq","value":"inTraining"}"""));
        var policyId = policy.GetProperty("id").GetGuid();
        var registered = SubsidyEvents.Registered("张三", status: "seekingWork", occurredAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        await subsidy.RegisterWorkerAsync(registered);
        Assert.Empty(await NotificationsAsync(registered.WorkerId, policyId));

        var changed = new EmploymentStatusChanged(Guid.CreateVersion7(), DateTimeOffset.UtcNow, registered.WorkerId, "seekingWork", "inTraining", DateTimeOffset.UtcNow, "collector", SubsidyEvents.Village);
        await subsidy.PublishAsync(changed);
        await subsidy.WaitConsumedAsync(changed.EventId);

        var notification = Assert.Single(await NotificationsAsync(registered.WorkerId, policyId));
        Assert.Equal(1, notification.GetProperty("notifiedVersion").GetInt32());
    }

    [Fact]
    public async Task A_new_business_notifies_its_founder_of_the_policies_it_opens()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(kind: "hiringSubsidy", rule: """
            {"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"businessEmployees","op":"ge","value":5}]}
            """));
        var policyId = policy.GetProperty("id").GetGuid();
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("李四"));
        Assert.Empty(await NotificationsAsync(founder, policyId));

        await subsidy.Client.RegisterBusinessAsync(founder, jobs: 6);

        Assert.Single(await NotificationsAsync(founder, policyId));
        var verdict = (await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/workers/{founder}/eligibility"))
            .EnumerateArray().Single(v => v.GetProperty("policyId").GetGuid() == policyId);
        Assert.True(verdict.GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task An_outreach_run_finds_the_workers_a_new_policy_is_for_and_never_notifies_twice()
    {
        var worker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("王五", birthDate: new DateOnly(2001, 2, 3)));
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(kind: "travelSubsidy", rule: """{"fact":"age","op":"le","value":30}"""));
        var policyId = policy.GetProperty("id").GetGuid();
        Assert.Empty(await NotificationsAsync(worker, policyId));

        var run = await subsidy.Client.PostJsonAsync($"{SubsidyApi.Root}/outreach/runs", new { }, HttpStatusCode.OK);
        await subsidy.Client.PostJsonAsync($"{SubsidyApi.Root}/outreach/runs", new { }, HttpStatusCode.OK);

        Assert.True(run.GetProperty("workersEvaluated").GetInt32() >= 1);
        Assert.True(run.GetProperty("notified").GetInt32() >= 1);
        Assert.Single(await NotificationsAsync(worker, policyId));
    }

    [Fact]
    public async Task A_viewed_notification_moves_the_worker_along_the_funnel()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(rule: """{"fact":"age","op":"ge","value":16}"""));
        var policyId = policy.GetProperty("id").GetGuid();
        var worker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("赵六"));
        await Eventually.TrueAsync(async () => (await NotificationsAsync(worker, policyId)).Count == 1, "the notification");

        var viewed = await subsidy.Client.PostJsonAsync($"{SubsidyApi.Root}/outreach/notifications/{worker}/{policyId}/viewed", new { }, HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.String, viewed.GetProperty("viewedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, viewed.GetProperty("appliedAt").ValueKind);
    }

    [Fact]
    public async Task Eligibility_and_notifications_of_a_worker_elsewhere_answer_404_and_stay_out_of_lists()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(rule: """{"fact":"age","op":"ge","value":16}"""));
        var policyId = policy.GetProperty("id").GetGuid();
        var worker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("孙七", village: SubsidyEvents.OtherCountyVillage));
        await Eventually.TrueAsync(async () => (await NotificationsAsync(worker, policyId)).Count == 1, "the notification");
        var township = subsidy.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.SubsidyRead, Scopes.SubsidyWrite));

        await (await township.GetAsync($"{SubsidyApi.Root}/workers/{worker}/eligibility")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await township.PostAsJsonAsync($"{SubsidyApi.Root}/outreach/notifications/{worker}/{policyId}/viewed", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = await township.ReadJsonAsync($"{SubsidyApi.Root}/outreach/notifications?workerId={worker}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    private async Task<List<JsonElement>> NotificationsAsync(Guid worker, Guid policyId) =>
        [.. (await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/outreach/notifications?workerId={worker}&policyId={policyId}"))
            .GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("notifiedAt").ValueKind != JsonValueKind.Null)];
}
