using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Application.Workers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Subsidy.Api.Workers;

public static class WorkerEndpoints
{
    public static RouteGroupBuilder MapWorkerEndpoints(this RouteGroupBuilder api)
    {
        var workers = api.MapGroup("/workers").WithTags("Workers");

        workers.MapGet("/{workerId:guid}", GetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetWorkerFacts")
            .WithSummary("The facts eligibility is decided on, as the registry and training reported them")
            .WithDescription("No national ID number and no phone number: the subsidy service never receives them. A worker outside the caller's division answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<WorkerView>> GetAsync(Guid workerId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetWorker(workerId), cancellationToken));
}
