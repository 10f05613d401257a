using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Tests.Applications;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Payments;

/// <summary>Money out: idempotent instructions, the bank account encrypted and masked, statuses, reversal, SubsidyDisbursed.</summary>
public sealed class DisbursementTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    private const string Account = "6222020200112233445";
    private readonly Desk _desk = new(subsidy);

    [Fact]
    public async Task An_instruction_replayed_three_times_pays_once_and_shows_the_account_masked()
    {
        var application = await ApprovedAsync();
        var key = Guid.NewGuid().ToString();

        var answers = new List<JsonElement>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var request = Instruction(application, key);
            var response = await _desk.Approver.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            answers.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.Single(answers.Select(a => a.GetProperty("id").GetGuid()).Distinct());
        Assert.Equal(1L, await subsidy.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM subsidy.disbursements WHERE application_id = '{application.GetProperty("id").GetGuid()}'"));
        Assert.Equal("***************3445", answers[0].GetProperty("bankAccount").GetString());
        Assert.DoesNotContain(Account, answers[0].GetRawText(), StringComparison.Ordinal);
        var stored = await subsidy.Database.ScalarAsAdminAsync<string>(
            $"SELECT encode(bank_account_ciphertext, 'escape') FROM subsidy.disbursements WHERE application_id = '{application.GetProperty("id").GetGuid()}'");
        Assert.DoesNotContain(Account, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_instruction_without_a_key_is_a_409_and_an_unapproved_application_is_not_paid()
    {
        var application = await ApprovedAsync();
        var first = await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application));

        var second = await _desk.Approver.PostAsJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application));

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith(first.GetProperty("id").GetGuid().ToString(), second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var pending = await _desk.PendingApprovalAsync(await _desk.PolicyAsync());
        var problem = await (await _desk.Approver.PostAsJsonAsync($"{SubsidyApi.Root}/disbursements", Body(pending))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application-not-approved", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_paid_disbursement_publishes_SubsidyDisbursed_without_the_account_and_a_reversal_allows_a_new_instruction()
    {
        var application = await ApprovedAsync();
        var disbursement = await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application));
        var path = $"{SubsidyApi.Root}/disbursements/{disbursement.GetProperty("id").GetGuid()}";

        var paid = await Desk.OkAsync(await OutcomeAsync(path, new { outcome = "paid", paidOn = "2026-01-15" }));
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        await (await OutcomeAsync(path, new { outcome = "paid", paidOn = "2026-01-15" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await Eventually.TrueAsync(
            async () => await subsidy.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM subsidy.outbox_messages WHERE type = 'urn:message:homeward:subsidy:subsidy-disbursed:v1' "
                + $"AND payload->>'disbursementId' = '{disbursement.GetProperty("id").GetGuid()}' AND (payload->>'amount')::numeric = 5000 AND processed_at IS NOT NULL") == 1,
            "SubsidyDisbursed to be published");
        var payload = await subsidy.Database.ScalarAsAdminAsync<string>(
            $"SELECT payload::text FROM subsidy.outbox_messages WHERE payload->>'disbursementId' = '{disbursement.GetProperty("id").GetGuid()}'");
        Assert.DoesNotContain("3445", payload, StringComparison.Ordinal);
        var funnel = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/outreach/notifications?workerId={application.GetProperty("workerId").GetGuid()}");
        Assert.Equal(JsonValueKind.String, funnel.GetProperty("items")[0].GetProperty("paidAt").ValueKind);

        var reversed = await Desk.OkAsync(await OutcomeAsync(path, new { outcome = "reversed", reason = "账户已注销，资金退回" }));
        Assert.Equal("reversed", reversed.GetProperty("status").GetString());
        await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application));
    }

    [Fact]
    public async Task An_outcome_needs_the_current_etag_and_a_reason_for_a_failure()
    {
        var application = await ApprovedAsync();
        var disbursement = await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application));
        var path = $"{SubsidyApi.Root}/disbursements/{disbursement.GetProperty("id").GetGuid()}";

        await (await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcome", new { outcome = "failed", reason = "x" }, null))
            .AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await OutcomeAsync(path, new { outcome = "failed" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var failed = await Desk.OkAsync(await OutcomeAsync(path, new { outcome = "failed", reason = "账户不存在" }));
        Assert.Equal("failed", failed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Disbursements_of_another_division_are_404_masked_everywhere_and_out_of_lists()
    {
        var application = await ApprovedAsync();
        var disbursement = await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application));
        var elsewhere = subsidy.ClientFor(Caller.Staff("419922000000", Roles.Approver, Scopes.SubsidyRead, Scopes.SubsidyWrite));

        await (await elsewhere.GetAsync($"{SubsidyApi.Root}/disbursements/{disbursement.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.PostAsJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.SendWithIfMatchAsync(HttpMethod.Post, $"{SubsidyApi.Root}/disbursements/{disbursement.GetProperty("id").GetGuid()}/outcome",
            new { outcome = "paid", paidOn = "2026-01-15" }, "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = await elsewhere.ReadJsonAsync($"{SubsidyApi.Root}/disbursements?applicationId={application.GetProperty("id").GetGuid()}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        var mine = await _desk.Approver.ReadJsonAsync($"{SubsidyApi.Root}/disbursements?applicationId={application.GetProperty("id").GetGuid()}");
        Assert.DoesNotContain(Account, mine.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_worker_cannot_pay()
    {
        var application = await ApprovedAsync();

        await (await _desk.CaseWorker.PostAsJsonAsync($"{SubsidyApi.Root}/disbursements", Body(application))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<JsonElement> ApprovedAsync()
    {
        var pending = await _desk.PendingApprovalAsync(await _desk.PolicyAsync());
        return await Desk.OkAsync(await _desk.ActAsync(_desk.Approver, pending, "approval", new { decision = "approve" }));
    }

    private static object Body(JsonElement application) =>
        new { applicationId = application.GetProperty("id").GetGuid(), bankName = "示范市农村商业银行", bankAccount = Account };

    private static HttpRequestMessage Instruction(JsonElement application, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{SubsidyApi.Root}/disbursements")
        {
            Content = new StringContent(JsonSerializer.Serialize(Body(application)), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<HttpResponseMessage> OutcomeAsync(string path, object body)
    {
        var (_, etag) = await _desk.Approver.ReadWithETagAsync(path);
        return await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/outcome", body, etag);
    }
}
