using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Registry.Application.Workers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Registry.Api.Workers;

public static class WorkerEndpoints
{
    public static RouteGroupBuilder MapWorkerEndpoints(this RouteGroupBuilder api)
    {
        var workers = api.MapGroup("/workers").WithTags("Workers");

        workers.MapPost("/", RegisterAsync)
            .RequireScope(Scopes.RegistryWrite)
            .WithName("RegisterWorker")
            .WithSummary("Register a returning worker")
            .WithDescription("Creates the worker's record in a village within the caller's division. A national ID number already on record answers 409 with the existing record's location.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        workers.MapGet("/", ListAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("ListWorkers")
            .WithSummary("List workers of the caller's division, in registration order")
            .ProducesValidationProblem();

        workers.MapGet("/{workerId:guid}", GetAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("GetWorker")
            .WithSummary("Read a worker's record")
            .ProducesProblem(StatusCodes.Status404NotFound);

        workers.MapPatch("/{workerId:guid}", ChangeAsync)
            .RequireScope(Scopes.RegistryWrite)
            .WithName("ChangeWorkerProfile")
            .WithSummary("Change a worker's name, phone, household village or profile (If-Match required)")
            .WithDescription(
                "Fields left out stay as they are; each group given (residence, education, skills, certificates, priorWork, "
                + "return, jobIntention, entrepreneurship, trainingNeeds, family) replaces the whole group, so send [] to empty a list. "
                + "What never changes: the national ID number, the birth date and gender derived from it, and the registration time; "
                + "a body naming them (or id, status, or any other field) is refused with 400. The status changes through POST .../status. "
                + "Certificates entered here are self-reported; one the platform verified stays verified when sent again unchanged. "
                + "A change that changes nothing stores nothing and keeps the ETag.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        workers.MapGet("/changes", ListChangedAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("ListChangedWorkers")
            .WithSummary("Workers of the caller's division whose record changed after a time, oldest change first")
            .WithDescription(
                "Dynamic monitoring: ?since= (required) and optionally ?division= below the caller's. Changes appear once they are "
                + "5 seconds old, so a poller can pass the newest updatedAt it has seen as the next since and miss nothing; "
                + "a worker changed again while you page moves to the end of the list.")
            .ProducesValidationProblem();

        workers.MapGet("/stale", ListStaleAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("ListStaleWorkers")
            .WithSummary("Records nobody has confirmed or changed for more than ?days= days (1–3650), longest-forgotten first")
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<Created<WorkerResponse>> RegisterAsync(
        RegisterWorkerRequest request,
        ISender sender,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var worker = await sender.Send(request.ToCommand(), cancellationToken);
        response.SetETag(worker.RowVersion);
        return TypedResults.Created(WorkerPaths.Of(worker.Id), WorkerResponse.From(worker));
    }

    private static async Task<Ok<Page<WorkerResponse>>> ListAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? division = null,
        int? limit = null,
        string? cursor = null)
    {
        var page = await sender.Send(new ListWorkers(division, PageRequest.Create(limit, cursor)), cancellationToken);
        return TypedResults.Ok(page.Map(WorkerResponse.From));
    }

    private static async Task<Ok<Page<ChangedWorkerView>>> ListChangedAsync(
        ISender sender,
        CancellationToken cancellationToken,
        DateTimeOffset? since = null,
        string? division = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListChangedWorkers(since, division, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<Page<StaleWorkerView>>> ListStaleAsync(
        ISender sender,
        CancellationToken cancellationToken,
        int? days = null,
        string? division = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListStaleWorkers(division, days, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<WorkerResponse>> GetAsync(
        Guid workerId,
        ISender sender,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var worker = await sender.Send(new GetWorker(workerId), cancellationToken);
        response.SetETag(worker.RowVersion);
        return TypedResults.Ok(WorkerResponse.From(worker));
    }

    private static async Task<Ok<WorkerResponse>> ChangeAsync(
        Guid workerId,
        ChangeWorkerProfileRequest request,
        ISender sender,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Worker", workerId);
        var worker = await sender.Send(
            request.ToCommand(workerId, expected),
            cancellationToken);
        response.SetETag(worker.RowVersion);
        return TypedResults.Ok(WorkerResponse.From(worker));
    }
}
