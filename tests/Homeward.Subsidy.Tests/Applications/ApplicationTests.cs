using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Applications;

/// <summary>Applications: prefilled documents, uploads, every transition and every forbidden one, four eyes, the timeline.</summary>
public sealed class ApplicationTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    private readonly Desk _desk = new(subsidy);

    [Fact]
    public async Task An_application_goes_from_draft_through_both_reviews_to_approval_and_keeps_its_timeline()
    {
        var policyId = await _desk.PolicyAsync(amount: 6000m);
        var application = await _desk.DraftAsync(policyId);
        var documents = application.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal("platform", documents[0].GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, documents[1].GetProperty("source").ValueKind);
        Assert.Equal(6000m, application.GetProperty("amount").GetDecimal());

        await (await _desk.ActAsync(_desk.CaseWorker, application, "submission")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var uploaded = await Desk.OkAsync(await _desk.UploadAsync(application));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData("%PDF-1.7 lease"u8.ToArray())),
            uploaded.GetProperty("documents")[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var submitted = await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, application, "submission"));
        Assert.Equal("pendingPreReview", submitted.GetProperty("status").GetString());
        Assert.Equal(Desk.Township, submitted.GetProperty("stageOwnerDivision").GetString());
        var forwarded = await Desk.OkAsync(await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "forward", note = "材料齐全" }));
        Assert.Equal("pendingApproval", forwarded.GetProperty("status").GetString());
        Assert.Equal(Desk.County, forwarded.GetProperty("stageOwnerDivision").GetString());
        var approved = await Desk.OkAsync(await _desk.ActAsync(_desk.Approver, application, "approval", new { decision = "approve" }));

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(1, approved.GetProperty("policyVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("stageDueAt").ValueKind);
        var submittedAt = approved.GetProperty("firstSubmittedAt").GetDateTimeOffset();
        var decidedAt = approved.GetProperty("decidedAt").GetDateTimeOffset();
        Assert.True(decidedAt > submittedAt, "The decision is recorded after the submission.");
        Assert.Equal(Math.Round((decidedAt - submittedAt).TotalHours, 2), approved.GetProperty("hoursToDecision").GetDouble());
        Assert.Equal(
            ["drafted", "documentUploaded", "submitted", "forwarded", "approved"],
            approved.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var funnel = await subsidy.Client.ReadJsonAsync($"{SubsidyApi.Root}/outreach/notifications?workerId={approved.GetProperty("workerId").GetGuid()}&policyId={policyId}");
        Assert.Equal(JsonValueKind.String, funnel.GetProperty("items")[0].GetProperty("approvedAt").ValueKind);
    }

    [Fact]
    public async Task The_case_worker_cannot_review_and_the_pre_reviewer_cannot_approve()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.DraftAsync(policyId);
        await Desk.OkAsync(await _desk.UploadAsync(application));
        await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, application, "submission"));
        var caseWorkerAsReviewer = subsidy.ClientFor(_desk.CaseWorkerCaller with { Roles = [Roles.Reviewer] });

        var own = await (await _desk.ActAsync(caseWorkerAsReviewer, application, "pre-review", new { decision = "forward" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("four-eyes", own.GetProperty("code").GetString());
        await Desk.OkAsync(await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "forward" }));
        var reviewerAsApprover = subsidy.ClientFor(_desk.ReviewerCaller with { Roles = [Roles.Approver] });
        var twice = await (await _desk.ActAsync(reviewerAsApprover, application, "approval", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("four-eyes", twice.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Transitions_out_of_order_are_refused()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.DraftAsync(policyId);

        await (await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "forward" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _desk.ActAsync(_desk.Approver, application, "approval", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await Desk.OkAsync(await _desk.UploadAsync(application));
        await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, application, "submission"));
        await (await _desk.ActAsync(_desk.CaseWorker, application, "submission")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _desk.UploadAsync(application)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _desk.ActAsync(_desk.Approver, application, "approval", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "reject" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "returnForRevision" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "shred" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_returned_application_is_revised_and_resubmitted_and_a_rejection_keeps_its_reason_codes()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.PendingApprovalAsync(policyId);

        var returned = await Desk.OkAsync(await _desk.ActAsync(_desk.Approver, application, "approval", new { decision = "returnForRevision", note = "租赁合同缺少盖章" }));
        Assert.Equal("returnedForRevision", returned.GetProperty("status").GetString());
        await Desk.OkAsync(await _desk.UploadAsync(application, content: "%PDF-1.7 stamped lease"u8.ToArray()));
        await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, application, "submission"));
        var rejected = await Desk.OkAsync(await _desk.ActAsync(_desk.Reviewer, application, "pre-review",
            new { decision = "reject", reasonCodes = new[] { "documentsInvalid", "falseStatement" }, note = "合同伪造" }));

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(["documentsInvalid", "falseStatement"], rejected.GetProperty("rejectionReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(
            ["drafted", "documentUploaded", "submitted", "forwarded", "returnedForRevision", "documentUploaded", "submitted", "rejected"],
            rejected.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        await (await _desk.ActAsync(_desk.Approver, application, "approval", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        // A rejected application no longer stands in the way of a new one.
        await _desk.DraftAsync(policyId, rejected.GetProperty("workerId").GetGuid());
    }

    [Fact]
    public async Task A_second_open_application_for_the_same_policy_is_a_409()
    {
        var policyId = await _desk.PolicyAsync();
        var first = await _desk.DraftAsync(policyId);

        var response = await _desk.CaseWorker.PostAsJsonAsync($"{SubsidyApi.Root}/applications", new { policyId, workerId = first.GetProperty("workerId").GetGuid() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(Desk.PathOf(first), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_worker_not_eligible_under_the_current_version_cannot_be_submitted()
    {
        var policyId = await _desk.PolicyAsync(rule: """{"fact":"hasBusiness","op":"eq","value":true}""");
        var application = await _desk.DraftAsync(policyId);
        await Desk.OkAsync(await _desk.UploadAsync(application));

        var problem = await (await _desk.ActAsync(_desk.CaseWorker, application, "submission")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("not-eligible", problem.GetProperty("code").GetString());
        Assert.Contains("hasBusiness = true: false — no", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_are_limited_in_type_and_size_and_read_back_with_their_hash()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.DraftAsync(policyId);

        await (await _desk.UploadAsync(application, contentType: "application/zip")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await _desk.UploadAsync(application, content: new byte[(5 * 1024 * 1024) + 1])).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await _desk.UploadAsync(application, code: "horoscope")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        await Desk.OkAsync(await _desk.UploadAsync(application, contentType: "image/png", content: png));

        var download = await _desk.CaseWorker.GetAsync($"{Desk.PathOf(application)}/documents/premisesLease");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"sha-256={Convert.ToBase64String(SHA256.HashData(png))}", download.Headers.GetValues("Digest").Single());
    }

    [Fact]
    public async Task A_decision_needs_the_current_etag()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.PendingApprovalAsync(policyId);
        var path = $"{Desk.PathOf(application)}/approval";

        await (await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, path, new { decision = "approve" }, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, path, new { decision = "approve" }, "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task An_application_of_a_worker_elsewhere_is_404_and_stays_out_of_lists()
    {
        var policyId = await _desk.PolicyAsync();
        var worker = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered(village: SubsidyEvents.OtherCountyVillage));
        var elsewhere = await subsidy.Client.PostJsonAsync($"{SubsidyApi.Root}/applications", new { policyId, workerId = worker });

        await (await _desk.CaseWorker.PostAsJsonAsync($"{SubsidyApi.Root}/applications", new { policyId, workerId = worker })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _desk.Reviewer.GetAsync(Desk.PathOf(elsewhere))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _desk.UploadAsync(elsewhere)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _desk.Approver.SendWithIfMatchAsync(HttpMethod.Post, $"{Desk.PathOf(elsewhere)}/approval", new { decision = "approve" }, "\"1\""))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = await _desk.Approver.ReadJsonAsync($"{SubsidyApi.Root}/applications?workerId={worker}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Reviews_need_a_reviewers_or_approvers_role()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.DraftAsync(policyId);
        var collector = subsidy.ClientFor(Caller.Staff("419921101201", Roles.VillageCollector, Scopes.SubsidyRead, Scopes.SubsidyWrite));

        await (await collector.SendWithIfMatchAsync(HttpMethod.Post, $"{Desk.PathOf(application)}/pre-review", new { decision = "forward" }, "\"1\""))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _desk.Reviewer.SendWithIfMatchAsync(HttpMethod.Post, $"{Desk.PathOf(application)}/approval", new { decision = "approve" }, "\"1\""))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
