using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
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
            .WithName("RegisterWorker")
            .WithSummary("Register a returning worker")
            .WithDescription("Creates the worker's record. A national ID number already on record answers 409 with the existing record's location.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        workers.MapGet("/{workerId:guid}", GetAsync)
            .WithName("GetWorker")
            .WithSummary("Read a worker's record")
            .ProducesProblem(StatusCodes.Status404NotFound);

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
}
