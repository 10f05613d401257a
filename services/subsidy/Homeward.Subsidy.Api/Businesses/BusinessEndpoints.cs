using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Api.Common;
using Homeward.Subsidy.Application.Businesses;
using Homeward.Subsidy.Domain.Businesses;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Subsidy.Api.Businesses;

public sealed record RegisterBusinessRequest(
    Guid? FounderWorkerId,
    string? Name,
    string? CreditCode,
    BusinessKind? Kind,
    string? Sector,
    DateOnly? RegisteredOn,
    int? JobsCreated);

public static class BusinessEndpoints
{
    public static RouteGroupBuilder MapBusinessEndpoints(this RouteGroupBuilder api)
    {
        var businesses = api.MapGroup("/businesses").WithTags("Businesses");

        businesses.MapPost("/", RegisterAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.CaseWorkers)
            .WithName("RegisterBusiness")
            .WithSummary("Record a business a returning worker started")
            .WithDescription(
                "The founder is a registered worker of the caller's division (404 otherwise). The business lies in the founder's household "
                + "division. A credit code already on record answers 409. Publishes BusinessRegistered; the registry marks the founder self-employed.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        businesses.MapGet("/", ListAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListBusinesses")
            .WithSummary("Businesses of the caller's division, optionally of one founder")
            .ProducesValidationProblem();

        businesses.MapGet("/{businessId:guid}", GetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetBusiness")
            .WithSummary("Read a business of the caller's division")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<BusinessView>> RegisterAsync(RegisterBusinessRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var business = await sender.Send(
            new RegisterBusiness(request.FounderWorkerId ?? Guid.Empty, request.Name ?? string.Empty, request.CreditCode ?? string.Empty,
                request.Kind, request.Sector, request.RegisteredOn, request.JobsCreated ?? 0),
            cancellationToken);
        response.SetETag(business.RowVersion);
        return TypedResults.Created(BusinessView.PathOf(business.Id), business);
    }

    private static async Task<Ok<Page<BusinessView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? founderWorkerId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListBusinesses(founderWorkerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<BusinessView>> GetAsync(Guid businessId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var business = await sender.Send(new GetBusiness(businessId), cancellationToken);
        response.SetETag(business.RowVersion);
        return TypedResults.Ok(business);
    }
}
