using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Registry.Application.Status;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Registry.Api.Status;

public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatusEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workers/{workerId:guid}/status", ChangeAsync)
            .RequireScope(Scopes.RegistryWrite)
            .WithTags("Employment status")
            .WithName("ChangeEmploymentStatus")
            .WithSummary("Record a worker's new employment status (If-Match required)")
            .WithDescription(
                "Only allowed transitions: someone not in the labour force first becomes seekingWork or inTraining before a job or "
                + "a business; setting the current status again is no change. Both answer 422 with code status-transition-not-allowed. "
                + "The change is kept in the history with its source (staffEntry when left out) and the caller as actor. "
                + "Answers the recorded change and the worker's new ETag.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapGet("/workers/{workerId:guid}/status-history", ListHistoryAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Employment status")
            .WithName("ListStatusHistory")
            .WithSummary("A worker's employment status history, newest first")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status-changes", ListChangesAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Employment status")
            .WithName("ListStatusChanges")
            .WithSummary("Status changes recorded after ?since= for workers of the caller's division, oldest first")
            .WithDescription("Optionally ?division= below the caller's. Changes appear once they are 5 seconds old, so a poller can pass the newest recordedAt it has seen as the next since.")
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<Ok<StatusChangeView>> ChangeAsync(
        Guid workerId,
        ChangeEmploymentStatusRequest request,
        ISender sender,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Worker", workerId);
        var result = await sender.Send(
            new ChangeEmploymentStatus(workerId, expected, request.Status, request.Note, request.Source ?? InformationSource.StaffEntry),
            cancellationToken);
        response.SetETag(result.WorkerVersion);
        return TypedResults.Ok(result.Change);
    }

    private static async Task<Ok<Page<StatusChangeView>>> ListHistoryAsync(
        Guid workerId,
        ISender sender,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListStatusHistory(workerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<Page<StatusChangeView>>> ListChangesAsync(
        ISender sender,
        CancellationToken cancellationToken,
        DateTimeOffset? since = null,
        string? division = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListStatusChanges(since, division, PageRequest.Create(limit, cursor)), cancellationToken));
}

/// <param name="Status">The new status: seekingWork, employedLocally, employedElsewhere, selfEmployed, inTraining or notInLabourForce.</param>
/// <param name="Note">Why, or what was learned; at most 500 characters.</param>
/// <param name="Source">How the fact was learned; staffEntry when left out. platform and ledgerImport are not entered by staff.</param>
public sealed record ChangeEmploymentStatusRequest(EmploymentStatus? Status, string? Note = null, InformationSource? Source = null);
