using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Api.Common;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.FollowUp;
using Homeward.JobMatching.Domain.FollowUp;
using Homeward.JobMatching.Domain.Placements;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.FollowUp;

public static class FollowUpEndpoints
{
    /// <summary>Check-ins are done by every office down to the village, which knows the worker's family best.</summary>
    private static readonly string[] CheckInRoles = [.. StaffRoles.Offices, Roles.VillageCollector];

    public static RouteGroupBuilder MapFollowUpEndpoints(this RouteGroupBuilder api)
    {
        var followUps = api.MapGroup("/follow-ups").WithTags("Follow-up");

        followUps.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListFollowUps")
            .WithSummary("The work queue of check-ins with placed workers of the caller's division: open ones, or ?done=true")
            .WithDescription("A check-in appears when it comes due: so many months (JobMatching:FollowUp:CheckInMonths, default 1, 3, 6) after a running placement's start.")
            .ProducesValidationProblem();

        followUps.MapPost("/{taskId:guid}/outcome", RecordOutcomeAsync)
            .RequireScope(Scopes.JobMatchingWrite, CheckInRoles)
            .WithName("RecordFollowUpOutcome")
            .WithSummary("Record how the worker is doing: stillEmployed (with the wage), struggling, or left with the reason, which ends the placement (If-Match)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var cases = api.MapGroup("/rights-cases").WithTags("Follow-up");

        cases.MapPost("/", OpenCaseAsync)
            .RequireScope(Scopes.JobMatchingWrite, CheckInRoles)
            .WithName("OpenRightsCase")
            .WithSummary("Open a rights case (wageArrears, contract, safety, discrimination) for a worker of the caller's division")
            .WithDescription(
                "The deadline follows the severity (JobMatching:FollowUp:*TimeToAct); a case still open after it goes up to the county, then the city, "
                + "each with a new deadline. A case about a job in a partner city is visible to that city at GET /partner/rights-cases.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/", ListCasesAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListRightsCases")
            .WithSummary("Rights cases of workers of the caller's division; ?open=true|false, ?level=office|county|city")
            .ProducesValidationProblem();

        cases.MapGet("/{caseId:guid}", GetCaseAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetRightsCase")
            .WithSummary("Read a rights case")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{caseId:guid}/resolve", ResolveCaseAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("ResolveRightsCase")
            .WithSummary("Close a rights case with what was done (If-Match)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Ok<Page<FollowUpTaskView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, bool done = false, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListFollowUps(done, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<FollowUpTaskView>> RecordOutcomeAsync(
        Guid taskId, FollowUpOutcomeRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("FollowUp", taskId);
        var task = await sender.Send(new RecordFollowUpOutcome(taskId, expected, request.Outcome, request.MonthlyWage, request.LeftReason, request.Note, request.LeftOn), cancellationToken);
        response.SetETag(task.RowVersion);
        return TypedResults.Ok(task);
    }

    private static async Task<Created<RightsCaseView>> OpenCaseAsync(OpenRightsCaseRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var rightsCase = await sender.Send(
            new OpenRightsCase(request.WorkerId, request.PlacementId, request.Kind, request.Severity, request.Description, request.Owner), cancellationToken);
        response.SetETag(rightsCase.RowVersion);
        return TypedResults.Created($"{JobMatchingPaths.Root}/rights-cases/{rightsCase.Id}", rightsCase);
    }

    private static async Task<Ok<Page<RightsCaseView>>> ListCasesAsync(
        ISender sender, CancellationToken cancellationToken, bool? open = null, string? level = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListRightsCases(open, level, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<RightsCaseView>> GetCaseAsync(Guid caseId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var rightsCase = await sender.Send(new GetRightsCase(caseId), cancellationToken);
        response.SetETag(rightsCase.RowVersion);
        return TypedResults.Ok(rightsCase);
    }

    private static async Task<Ok<RightsCaseView>> ResolveCaseAsync(
        Guid caseId, ResolveRightsCaseRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("RightsCase", caseId);
        var rightsCase = await sender.Send(new ResolveRightsCase(caseId, expected, request.Resolution), cancellationToken);
        response.SetETag(rightsCase.RowVersion);
        return TypedResults.Ok(rightsCase);
    }
}

/// <param name="Outcome">stillEmployed, struggling or left.</param>
/// <param name="LeftReason">Of a worker who left only: contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated or other.</param>
/// <param name="LeftOn">Of a worker who left only: their last day at the job (the placement ends on it); today when left out.</param>
public sealed record FollowUpOutcomeRequest(
    FollowUpOutcome? Outcome, decimal? MonthlyWage = null, PlacementEndReason? LeftReason = null, string? Note = null, DateOnly? LeftOn = null);

/// <param name="PlacementId">The worker's placement the case is about, if any; a partner city's job shares the case with that city.</param>
/// <param name="Owner">Who answers for the case; the caller when left out.</param>
public sealed record OpenRightsCaseRequest(
    Guid? WorkerId, RightsCaseKind? Kind, RightsCaseSeverity? Severity, string? Description, Guid? PlacementId = null, string? Owner = null);

public sealed record ResolveRightsCaseRequest(string? Resolution);
