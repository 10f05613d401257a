using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Api.Common;
using Homeward.Subsidy.Application.Policies;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Rules;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Subsidy.Api.Policies;

public sealed record DefinePolicyRequest(
    string? Code,
    string? Name,
    PolicyKind? Kind,
    Rule? Eligibility,
    AmountRule? Amount,
    IReadOnlyList<DocumentRequirement>? Documents,
    decimal? AnnualBudget,
    StageDeadlines? Deadlines,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);

public sealed record RevisePolicyRequest(
    string? Name,
    Rule? Eligibility,
    AmountRule? Amount,
    IReadOnlyList<DocumentRequirement>? Documents,
    decimal? AnnualBudget,
    StageDeadlines? Deadlines,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);

public static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");

        policies.MapPost("/", DefineAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.PolicyAdmins)
            .WithName("DefinePolicy")
            .WithSummary("Add a policy to the catalog with its first version of terms")
            .WithDescription("The eligibility rule is written in the rule language of the service README. A code already in use answers 409.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        policies.MapGet("/", ListAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListPolicies")
            .WithSummary("The catalog with each policy's current terms")
            .ProducesValidationProblem();

        policies.MapGet("/{policyId:guid}", GetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetPolicy")
            .WithSummary("A policy with its current terms")
            .ProducesProblem(StatusCodes.Status404NotFound);

        policies.MapGet("/{policyId:guid}/versions/{number:int}", GetVersionAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetPolicyVersion")
            .WithSummary("A policy with the terms of one of its versions, as decisions that name it used them")
            .ProducesProblem(StatusCodes.Status404NotFound);

        policies.MapGet("/{policyId:guid}/budgets/{year:int}", BudgetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetPolicyBudget")
            .WithSummary("A policy's budget of a year: its size, what approvals reserved of it, what remains")
            .ProducesProblem(StatusCodes.Status404NotFound);

        policies.MapPut("/{policyId:guid}", ReviseAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.PolicyAdmins)
            .WithName("RevisePolicy")
            .WithSummary("Change a policy's terms: adds a version that becomes current (If-Match required)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Created<PolicyView>> DefineAsync(DefinePolicyRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var policy = await sender.Send(
            new DefinePolicy(request.Code ?? string.Empty, request.Name ?? string.Empty, request.Kind, request.Eligibility, request.Amount,
                request.Documents, request.AnnualBudget, request.Deadlines, request.ValidFrom, request.ValidTo),
            cancellationToken);
        response.SetETag(policy.RowVersion);
        return TypedResults.Created(PolicyPaths.Policy(policy.Id), policy);
    }

    private static async Task<Ok<Page<PolicyView>>> ListAsync(ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPolicies(PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<PolicyView>> GetAsync(Guid policyId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var policy = await sender.Send(new GetPolicy(policyId), cancellationToken);
        response.SetETag(policy.RowVersion);
        return TypedResults.Ok(policy);
    }

    private static async Task<Ok<PolicyView>> GetVersionAsync(Guid policyId, int number, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPolicy(policyId, number), cancellationToken));

    private static async Task<Ok<BudgetView>> BudgetAsync(Guid policyId, int year, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetBudget(policyId, year), cancellationToken));

    private static async Task<Ok<PolicyView>> ReviseAsync(
        Guid policyId, RevisePolicyRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Policy", policyId);
        var policy = await sender.Send(
            new RevisePolicy(policyId, expected, request.Name ?? string.Empty, request.Eligibility, request.Amount, request.Documents,
                request.AnnualBudget, request.Deadlines, request.ValidFrom, request.ValidTo),
            cancellationToken);
        response.SetETag(policy.RowVersion);
        return TypedResults.Ok(policy);
    }
}
