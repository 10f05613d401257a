using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Employers;
using Homeward.JobMatching.Application.Partners;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Partners;

/// <summary>Staff routes of labour cooperation: the partner cities and their agreements.</summary>
public static class PartnerCityEndpoints
{
    public static RouteGroupBuilder MapPartnerCityEndpoints(this RouteGroupBuilder api)
    {
        var cities = api.MapGroup("/partner-cities").WithTags("Partner cities");

        cities.MapPost("/", RegisterAsync)
            .RequireScope(Scopes.JobMatchingWrite, Roles.CityAdmin)
            .WithName("RegisterPartnerCity")
            .WithSummary("Record a partner city of labour cooperation (city office)")
            .WithDescription("The id is the partner id its clients' tokens carry, one of the configured JobMatching:PartnerCities; registered twice answers 409.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        cities.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListPartnerCities")
            .WithSummary("The partner cities, with how many of their enterprises are on record");

        cities.MapGet("/{partnerCityId}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetPartnerCity")
            .WithSummary("Read a partner city")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cities.MapPost("/{partnerCityId}/agreements", ConcludeAgreementAsync)
            .RequireScope(Scopes.JobMatchingWrite, Roles.CityAdmin)
            .WithName("ConcludePartnerAgreement")
            .WithSummary("Record an agreement with a partner city: period, sectors, quotas per sector, contacts (city office)")
            .WithDescription("Contacts' phone numbers are stored encrypted and only ever shown masked.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        cities.MapGet("/{partnerCityId}/agreements", ListAgreementsAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListPartnerAgreements")
            .WithSummary("A partner city's agreements, the latest first; contacts' phones masked")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<PartnerCityView>> RegisterAsync(RegisterPartnerCityRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var city = await sender.Send(new RegisterPartnerCity(request.Id, request.Name), cancellationToken);
        response.SetETag(city.RowVersion);
        return TypedResults.Created(JobMatchingPaths.PartnerCity(city.Id), city);
    }

    private static async Task<Ok<IReadOnlyList<PartnerCityView>>> ListAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPartnerCities(), cancellationToken));

    private static async Task<Ok<PartnerCityView>> GetAsync(string partnerCityId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var city = await sender.Send(new GetPartnerCity(partnerCityId), cancellationToken);
        response.SetETag(city.RowVersion);
        return TypedResults.Ok(city);
    }

    private static async Task<Created<PartnerAgreementView>> ConcludeAgreementAsync(
        string partnerCityId, ConcludePartnerAgreementRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var agreement = await sender.Send(
            new ConcludePartnerAgreement(
                partnerCityId, request.Title, request.ValidFrom, request.ValidTo, request.Sectors ?? [], request.Quotas ?? [], request.Contacts ?? []),
            cancellationToken);
        return TypedResults.Created($"{JobMatchingPaths.PartnerCity(partnerCityId)}/agreements/{agreement.Id}", agreement);
    }

    private static async Task<Ok<IReadOnlyList<PartnerAgreementView>>> ListAgreementsAsync(string partnerCityId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPartnerAgreements(partnerCityId), cancellationToken));
}

/// <param name="Id">The partner id its clients carry, e.g. tianjin.</param>
public sealed record RegisterPartnerCityRequest(string? Id, string? Name);

/// <param name="Sectors">GB/T 4754 section letters the agreement covers.</param>
/// <param name="Quotas">Workers the partner city means to take per sector.</param>
/// <param name="Contacts">Phone numbers in full; stored encrypted, shown masked.</param>
public sealed record ConcludePartnerAgreementRequest(
    string? Title,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string?>? Sectors = null,
    IReadOnlyList<SectorQuotaInput?>? Quotas = null,
    IReadOnlyList<ContactInput?>? Contacts = null);
