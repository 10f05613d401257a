using System.Net;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Subsidy.Tests.Applications;
using Homeward.Subsidy.Tests.Businesses;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Kpis;

/// <summary>The subsidy KPIs computed from the service's own records, per division and period.</summary>
public sealed class KpiTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    private readonly Desk _desk = new(subsidy);

    [Fact]
    public async Task The_figures_add_up_from_payments_loans_the_funnel_and_decisions()
    {
        var policyId = await _desk.PolicyAsync(amount: 5000m);
        var paidWorker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("甲"));
        var viewer = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("乙"));
        var rejectedWorker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("丙"));
        await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered("丁"));
        var business = (await _desk.CaseWorker.RegisterBusinessAsync(paidWorker, jobs: 4)).GetProperty("id").GetGuid();

        var drafted = await _desk.CaseWorker.PostJsonAsync($"{SubsidyApi.Root}/applications", new { policyId, workerId = paidWorker, businessId = business });
        await Desk.OkAsync(await _desk.UploadAsync(drafted));
        await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, drafted, "submission"));
        await Desk.OkAsync(await _desk.ActAsync(_desk.Reviewer, drafted, "pre-review", new { decision = "forward" }));
        await Desk.OkAsync(await _desk.ActAsync(_desk.Approver, drafted, "approval", new { decision = "approve" }));
        var disbursement = await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/disbursements",
            new { applicationId = drafted.GetProperty("id").GetGuid(), bankName = "示范市农村商业银行", bankAccount = "6222020200112233445" });
        var disbursementPath = $"{SubsidyApi.Root}/disbursements/{disbursement.GetProperty("id").GetGuid()}";
        var (_, etag) = await _desk.Approver.ReadWithETagAsync(disbursementPath);
        await Desk.OkAsync(await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, $"{disbursementPath}/outcome",
            new { outcome = "paid", paidOn = TimeProvider.System.Today().ToString("yyyy-MM-dd") }, etag));
        await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/loans", new
        {
            businessId = business, bank = "示范市农村商业银行", amount = 200_000m, termMonths = 24, interestSubsidyShare = 1.0m,
            grantedOn = TimeProvider.System.Today().ToString("yyyy-MM-dd"), jobsReported = 7,
        });
        await subsidy.Client.PostJsonAsync($"{SubsidyApi.Root}/outreach/notifications/{viewer}/{policyId}/viewed", new { }, HttpStatusCode.OK);
        var rejected = await _desk.PendingApprovalAsync(policyId, rejectedWorker);
        await Desk.OkAsync(await _desk.ActAsync(_desk.Approver, rejected, "approval", new { decision = "reject", reasonCodes = new[] { "notEligible" } }));

        var kpis = await _desk.Approver.ReadJsonAsync($"{SubsidyApi.Root}/kpis?division={Desk.Township}&from={DateTime.UtcNow.Year}-01-01");

        Assert.Equal(Desk.Township, kpis.GetProperty("division").GetString());
        Assert.Equal(5000m, kpis.GetProperty("disbursedSum").GetDecimal());
        Assert.Equal(1, kpis.GetProperty("businessesPaid").GetInt32());
        Assert.Equal(1, kpis.GetProperty("loansGranted").GetInt32());
        Assert.Equal(200_000m, kpis.GetProperty("loansSum").GetDecimal());
        Assert.Equal(7, kpis.GetProperty("jobsDriven").GetInt32());
        Assert.Equal(4, kpis.GetProperty("registeredWorkers").GetInt32());
        Assert.Equal(0.75m, kpis.GetProperty("awarenessRate").GetDecimal());
        Assert.Equal(0.25m, kpis.GetProperty("benefitRate").GetDecimal());
        Assert.Equal(2, kpis.GetProperty("applicationsDecided").GetInt32());
        Assert.True(kpis.GetProperty("p90HoursToDecision").GetDouble() >= kpis.GetProperty("medianHoursToDecision").GetDouble());
        Assert.Equal(0, kpis.GetProperty("overdueApplications").GetInt32());
        var otherCounty = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/kpis?division=419922000000");
        Assert.Equal(0m, otherCounty.GetProperty("disbursedSum").GetDecimal());
        Assert.Equal(JsonValueKind.Null, otherCounty.GetProperty("awarenessRate").ValueKind);
    }

    [Fact]
    public async Task A_division_outside_the_callers_is_403_and_bad_parameters_are_400s()
    {
        var township = subsidy.ClientFor(Caller.Staff(Desk.Township, Roles.TownshipOfficer, Scopes.SubsidyRead));

        await (await township.GetAsync($"{SubsidyApi.Root}/kpis?division=419922000000")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var division = await (await township.GetAsync($"{SubsidyApi.Root}/kpis?division=12")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(division.GetProperty("errors").TryGetProperty("division", out _));
        var period = await (await township.GetAsync($"{SubsidyApi.Root}/kpis?from=2026-02-01&to=2026-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(period.GetProperty("errors").TryGetProperty("to", out _));
        await (await township.GetAsync($"{SubsidyApi.Root}/kpis?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var own = await township.ReadJsonAsync($"{SubsidyApi.Root}/kpis");
        Assert.Equal(Desk.Township, own.GetProperty("division").GetString());
    }
}
