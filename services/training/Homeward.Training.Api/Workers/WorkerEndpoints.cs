using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Training.Application.Workers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Workers;

public static class WorkerEndpoints
{
    public static RouteGroupBuilder MapWorkerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workers/{workerId:guid}", GetAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithTags("Workers")
            .WithName("GetTrainingWorker")
            .WithSummary("Read what training knows of a registered worker of the caller's division")
            .WithDescription("Projected from registry events: name, household village, training needs, employment status. Never a national ID or phone number.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<WorkerView>> GetAsync(Guid workerId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetWorker(workerId), cancellationToken));
}
