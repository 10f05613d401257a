using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Tests.Policies;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Applications;

/// <summary>
/// The people around an application in the tests: a township case worker, a township reviewer and a county approver
/// of the worker's division, each a different person.
/// </summary>
internal sealed class Desk(SubsidyService subsidy, Func<Caller, HttpClient>? clientFor = null)
{
    public const string Township = "419921101000";
    public const string County = "419921000000";

    private readonly Func<Caller, HttpClient> _clientFor = clientFor ?? subsidy.ClientFor;

    public Caller CaseWorkerCaller { get; } = Caller.Staff(Township, Roles.TownshipOfficer, Scopes.SubsidyRead, Scopes.SubsidyWrite);

    public HttpClient CaseWorker => _caseWorker ??= _clientFor(CaseWorkerCaller);

    public HttpClient Reviewer => _reviewer ??= _clientFor(ReviewerCaller);

    public Caller ReviewerCaller { get; } = Caller.Staff(Township, Roles.Reviewer, Scopes.SubsidyRead, Scopes.SubsidyWrite);

    public HttpClient Approver => _approver ??= _clientFor(Caller.Staff(County, Roles.Approver, Scopes.SubsidyRead, Scopes.SubsidyWrite));

    private HttpClient? _caseWorker;
    private HttpClient? _reviewer;
    private HttpClient? _approver;

    public static JsonArray Documents() => new(
        new JsonObject { ["code"] = "identity", ["title"] = "身份证明", ["platformVerifiable"] = true },
        new JsonObject { ["code"] = "premisesLease", ["title"] = "经营场所租赁合同", ["platformVerifiable"] = false });

    public async Task<Guid> PolicyAsync(decimal amount = 5000m, decimal budget = 1_000_000m, string rule = PolicyRequests.OpenRule) =>
        (await subsidy.Client.DefineAsync(PolicyRequests.Policy(amount: amount, budget: budget, rule: rule, documents: Documents()))).GetProperty("id").GetGuid();

    public async Task<JsonElement> DraftAsync(Guid policyId, Guid? workerId = null)
    {
        var worker = workerId ?? await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());
        return await CaseWorker.PostJsonAsync($"{SubsidyApi.Root}/applications", new { policyId, workerId = worker });
    }

    public static string PathOf(JsonElement application) => $"{SubsidyApi.Root}/applications/{application.GetProperty("id").GetGuid()}";

    public Task<HttpResponseMessage> UploadAsync(JsonElement application, string code = "premisesLease", string contentType = "application/pdf", byte[]? content = null)
    {
        var body = new ByteArrayContent(content ?? "%PDF-1.7 lease"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return CaseWorker.PostAsync($"{PathOf(application)}/documents/{code}", body);
    }

    public async Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement application, string action, object? body = null)
    {
        var (_, etag) = await client.ReadWithETagAsync(PathOf(application));
        return await client.SendWithIfMatchAsync(HttpMethod.Post, $"{PathOf(application)}/{action}", body ?? new { }, etag);
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Drafted, documents uploaded, submitted and forwarded: waiting for the county.</summary>
    public async Task<JsonElement> PendingApprovalAsync(Guid policyId, Guid? workerId = null)
    {
        var application = await DraftAsync(policyId, workerId);
        await OkAsync(await UploadAsync(application));
        await OkAsync(await ActAsync(CaseWorker, application, "submission"));
        return await OkAsync(await ActAsync(Reviewer, application, "pre-review", new { decision = "forward" }));
    }
}
