using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Registry.Api.Search;

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workers/search", SearchAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Workers")
            .WithName("SearchWorkers")
            .WithSummary("Search workers of the caller's division")
            .WithDescription(
                "Every criterion given must hold; at least one is needed. A name also finds names said the same way (张伟 finds 张玮 and 章伟) "
                + "and similar names: exact names first, then the same sound, then by similarity. National ID and phone numbers match exactly. "
                + "A POST, so that ID and phone numbers never appear in a URL or an access log. Paged with limit and cursor in the body.")
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<Ok<Page<WorkerSearchHitResponse>>> SearchAsync(
        SearchWorkersRequest request,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var page = await sender.Send(request.ToQuery(PageRequest.Create(request.Limit, request.Cursor)), cancellationToken);
        return TypedResults.Ok(page.Map(WorkerSearchHitResponse.From));
    }
}
