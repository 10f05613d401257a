using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Api.Common;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Application.Outreach;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Subsidy.Api.Outreach;

public static class OutreachEndpoints
{
    public static RouteGroupBuilder MapOutreachEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workers/{workerId:guid}/eligibility", EligibilityAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithTags("Eligibility")
            .WithName("GetEligibility")
            .WithSummary("A worker against every active policy, with the reason of each yes and no")
            .WithDescription("With the worker's latest business, or with businessId (one of theirs). A worker outside the caller's division answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var outreach = api.MapGroup("/outreach").WithTags("Outreach");

        outreach.MapGet("/notifications", ListAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListNotifications")
            .WithSummary("Outreach notifications and each worker's step in the funnel (notified → viewed → applied → approved → paid), caller's division")
            .ProducesValidationProblem();

        outreach.MapPost("/notifications/{workerId:guid}/{policyId:guid}/viewed", ViewedAsync)
            .RequireScope(Scopes.SubsidyWrite)
            .WithName("MarkNotificationViewed")
            .WithSummary("Record that the worker saw the notification (the worker app or a case worker reports it)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        outreach.MapPost("/runs", RunAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.PolicyAdmins.Concat(StaffRoles.Approvers).ToArray())
            .WithName("RunOutreach")
            .WithSummary("Evaluate every worker of the caller's division against every active policy and notify the newly eligible")
            .WithDescription("Run after a new policy or a revised rule; registrations, status changes and new businesses notify by themselves.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PolicyEligibility>>> EligibilityAsync(
        Guid workerId, ISender sender, CancellationToken cancellationToken, Guid? businessId = null) =>
        TypedResults.Ok(await sender.Send(new GetEligibility(workerId, businessId), cancellationToken));

    private static async Task<Ok<Page<FunnelEntryView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? workerId = null, Guid? policyId = null, bool notAppliedOnly = false, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListFunnelEntries(workerId, policyId, notAppliedOnly, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<FunnelEntryView>> ViewedAsync(Guid workerId, Guid policyId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new MarkNotificationViewed(workerId, policyId), cancellationToken));

    private static async Task<Ok<OutreachRun>> RunAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RunOutreach(), cancellationToken));
}
