using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Registry.Application.PersonalData;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Registry.Api.PersonalData;

public static class PersonalDataEndpoints
{
    public static RouteGroupBuilder MapPersonalDataEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workers/{workerId:guid}/personal-data/reveal", RevealAsync)
            .RequireScope(Scopes.RegistryReveal, Roles.CityAdmin, Roles.CountyOfficer)
            .WithTags("Personal data")
            .WithName("RevealPersonalData")
            .WithSummary("Show a worker's full national ID and phone number (audited)")
            .WithDescription("Needs the registry.reveal scope and a city or county office. Every reveal is recorded with who, whom, when and why.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/personal-data-reveals", ListAsync)
            .RequireScope(Scopes.RegistryRead, Roles.Auditor, Roles.CityAdmin)
            .WithTags("Personal data")
            .WithName("ListPersonalDataReveals")
            .WithSummary("The audit trail of reveals for workers of your division, newest first")
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<Ok<RevealedPersonalDataResponse>> RevealAsync(
        Guid workerId,
        RevealPersonalDataRequest request,
        ISender sender,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var revealed = await sender.Send(new RevealPersonalData(workerId, request.Reason ?? string.Empty), cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RevealedPersonalDataResponse(revealed.WorkerId, revealed.NationalId, revealed.Phone, revealed.AuditId));
    }

    private static async Task<Ok<Page<PersonalDataRevealView>>> ListAsync(
        ISender sender,
        CancellationToken cancellationToken,
        Guid? workerId = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPersonalDataReveals(workerId, PageRequest.Create(limit, cursor)), cancellationToken));
}

/// <param name="Reason">Why the full data is needed, 10 to 500 characters; kept in the audit trail.</param>
public sealed record RevealPersonalDataRequest(string? Reason);

public sealed record RevealedPersonalDataResponse(Guid WorkerId, string NationalId, string? Phone, Guid AuditId);
