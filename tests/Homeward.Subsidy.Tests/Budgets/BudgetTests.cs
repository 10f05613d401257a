using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Homeward.Subsidy.Tests.Applications;
using Homeward.Subsidy.Tests.Policies;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Budgets;

/// <summary>Approval reserves budget atomically: concurrent approvals never overspend a policy's annual budget.</summary>
public sealed class BudgetTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    private readonly Desk _desk = new(subsidy);

    [Fact]
    public async Task Two_hundred_concurrent_approvals_against_a_budget_that_fits_fifty_approve_exactly_fifty()
    {
        const int applications = 200;
        const decimal amount = 1000m;
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(
            amount: amount, budget: 50 * amount,
            documents: new JsonArray(new JsonObject { ["code"] = "identity", ["title"] = "身份证明", ["platformVerifiable"] = true })));
        var policyId = policy.GetProperty("id").GetGuid();
        var workers = Enumerable.Range(0, applications).Select(i => SubsidyEvents.Registered($"工{i}")).ToList();
        await Task.WhenAll(workers.Select(subsidy.PublishAsync));
        await Eventually.TrueAsync(
            async () => await subsidy.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM subsidy.workers WHERE worker_id IN ({string.Join(',', workers.Select(w => $"'{w.WorkerId}'"))}) AND registered_at IS NOT NULL") == applications,
            "every worker to be projected");
        var pending = new List<(string Path, string ETag)>();
        using (var gate = new SemaphoreSlim(8))
        {
            pending.AddRange(await Task.WhenAll(workers.Select(async worker =>
            {
                await gate.WaitAsync();
                try
                {
                    return await PendingApprovalAsync(policyId, worker.WorkerId);
                }
                finally
                {
                    gate.Release();
                }
            })));
        }

        var outcomes = await Task.WhenAll(pending.Select(async p =>
        {
            using var response = await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, $"{p.Path}/approval", new { decision = "approve" }, p.ETag);
            return (response.StatusCode, Code: response.StatusCode == HttpStatusCode.OK ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }));

        Assert.Equal(50, outcomes.Count(o => o.StatusCode == HttpStatusCode.OK));
        Assert.All(outcomes.Where(o => o.StatusCode != HttpStatusCode.OK), o =>
        {
            Assert.Equal(HttpStatusCode.Conflict, o.StatusCode);
            Assert.Equal("budget-exhausted", o.Code);
        });
        Assert.Equal(50L, await subsidy.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM subsidy.applications WHERE policy_id = '{policyId}' AND status = 'Approved'"));
        Assert.Equal(50 * amount, await subsidy.Database.ScalarAsAdminAsync<decimal>(
            $"SELECT sum(amount) FROM subsidy.applications WHERE policy_id = '{policyId}' AND status = 'Approved'"));
        var budget = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/policies/{policyId}/budgets/{DateTime.UtcNow.Year}");
        Assert.Equal(50 * amount, budget.GetProperty("reserved").GetDecimal());
        Assert.Equal(0m, budget.GetProperty("remaining").GetDecimal());
        // The refused stay pending: the county can reject them for the budget, or approve them when it grows.
        Assert.Equal(150L, await subsidy.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM subsidy.applications WHERE policy_id = '{policyId}' AND status = 'PendingApproval'"));
    }

    [Fact]
    public async Task An_amount_larger_than_the_whole_budget_is_refused_and_nothing_is_reserved()
    {
        var policy = await subsidy.Client.DefineAsync(PolicyRequests.Policy(amount: 5000m, budget: 4000m,
            documents: new JsonArray(new JsonObject { ["code"] = "identity", ["title"] = "身份证明", ["platformVerifiable"] = true })));
        var policyId = policy.GetProperty("id").GetGuid();
        var worker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());
        var (path, etag) = await PendingApprovalAsync(policyId, worker);

        var response = await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/approval", new { decision = "approve" }, etag);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("budget-exhausted", problem.GetProperty("code").GetString());
        var application = await subsidy.Client.ReadJsonAsync(path);
        Assert.Equal("pendingApproval", application.GetProperty("status").GetString());
        var budget = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/policies/{policyId}/budgets/{DateTime.UtcNow.Year}");
        Assert.Equal(0m, budget.GetProperty("reserved").GetDecimal());
    }

    /// <summary>Drafted, submitted and forwarded with the ETag each answer carries: the county's turn.</summary>
    private async Task<(string Path, string ETag)> PendingApprovalAsync(Guid policyId, Guid workerId)
    {
        var drafted = await _desk.CaseWorker.PostAsJsonAsync($"{SubsidyApi.Root}/applications", new { policyId, workerId });
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var path = drafted.Headers.Location!.OriginalString;
        var submitted = await _desk.CaseWorker.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/submission", new { }, drafted.Headers.ETag!.Tag);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var forwarded = await _desk.Reviewer.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/pre-review", new { decision = "forward" }, submitted.Headers.ETag!.Tag);
        Assert.True(forwarded.StatusCode == HttpStatusCode.OK, await forwarded.Content.ReadAsStringAsync());
        return (path, forwarded.Headers.ETag!.Tag);
    }
}
