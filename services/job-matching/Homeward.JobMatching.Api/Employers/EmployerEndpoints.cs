using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Api.Common;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Employers;
using Homeward.JobMatching.Domain.Employers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Employers;

public static class EmployerEndpoints
{
    public static RouteGroupBuilder MapEmployerEndpoints(this RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Employers");

        employers.MapPost("/", RegisterAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("RegisterEmployer")
            .WithSummary("Record an enterprise that offers jobs")
            .WithDescription(
                "A local enterprise is placed in a division of the city within the caller's; a partner-city enterprise is looked after "
                + "by the caller's office. A unified social credit code already on record answers 409 with the existing employer's location. "
                + "Contacts' phone numbers are stored encrypted and only ever shown masked.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        employers.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListEmployers")
            .WithSummary("Employers of the whole city and its partner cities, in registration order")
            .ProducesValidationProblem();

        employers.MapGet("/{employerId:guid}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetEmployer")
            .WithSummary("Read an employer")
            .ProducesProblem(StatusCodes.Status404NotFound);

        employers.MapPut("/{employerId:guid}", ChangeAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("ChangeEmployer")
            .WithSummary("Replace an employer's name, location, industry, size and contacts (If-Match required)")
            .WithDescription("The credit code never changes. Contacts replace the whole list; give phone numbers in full.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        employers.MapPost("/{employerId:guid}/contacts/{contactId:guid}/phone/reveal", RevealPhoneAsync)
            .RequireScope(Scopes.JobMatchingReveal, Roles.CityAdmin, Roles.CountyOfficer)
            .WithName("RevealContactPhone")
            .WithSummary("Show an employer contact's full phone number (audited)")
            .WithDescription(
                "Needs the jobmatching.reveal scope and a city or county office whose division holds the employer; elsewhere the employer "
                + "answers 404. Every reveal is recorded with who, from which office, which contact, when and why.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/personal-data-reveals", ListRevealsAsync)
            .RequireScope(Scopes.JobMatchingRead, Roles.Auditor, Roles.CityAdmin)
            .WithTags("Employers")
            .WithName("ListPersonalDataReveals")
            .WithSummary("The audit trail of contact phone reveals for employers of your division, newest first")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<RevealedContactPhoneResponse>> RevealPhoneAsync(
        Guid employerId,
        Guid contactId,
        RevealContactPhoneRequest request,
        ISender sender,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var revealed = await sender.Send(new RevealContactPhone(employerId, contactId, request.Reason ?? string.Empty), cancellationToken);

        // The full number must not stay in any cache between the service and the person who asked for it.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RevealedContactPhoneResponse(revealed.EmployerId, revealed.ContactId, revealed.Name, revealed.Phone, revealed.AuditId));
    }

    private static async Task<Ok<Page<PersonalDataRevealView>>> ListRevealsAsync(
        ISender sender,
        CancellationToken cancellationToken,
        Guid? employerId = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPersonalDataReveals(employerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Created<EmployerResponse>> RegisterAsync(
        RegisterEmployerRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var employer = await sender.Send(request.ToCommand(), cancellationToken);
        response.SetETag(employer.RowVersion);
        return TypedResults.Created(JobMatchingPaths.Employer(employer.Id), EmployerResponse.From(employer));
    }

    private static async Task<Ok<Page<EmployerResponse>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var page = await sender.Send(new ListEmployers(PageRequest.Create(limit, cursor)), cancellationToken);
        return TypedResults.Ok(page.Map(EmployerResponse.From));
    }

    private static async Task<Ok<EmployerResponse>> GetAsync(Guid employerId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var employer = await sender.Send(new GetEmployer(employerId), cancellationToken);
        response.SetETag(employer.RowVersion);
        return TypedResults.Ok(EmployerResponse.From(employer));
    }

    private static async Task<Ok<EmployerResponse>> ChangeAsync(
        Guid employerId,
        ChangeEmployerRequest request,
        ISender sender,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Employer", employerId);
        var employer = await sender.Send(request.ToCommand(employerId, expected), cancellationToken);
        response.SetETag(employer.RowVersion);
        return TypedResults.Ok(EmployerResponse.From(employer));
    }
}

/// <param name="CreditCode">Unified social credit code (GB 32100), 18 characters.</param>
/// <param name="Locality">local or partnerCity.</param>
/// <param name="Division">12-digit code of a local enterprise's division in the city; left out for a partner-city one.</param>
/// <param name="PartnerCity">The partner city of a partner-city enterprise, e.g. tianjin.</param>
/// <param name="Industry">GB/T 4754 section letter, A to T.</param>
/// <param name="Size">micro, small, medium or large.</param>
public sealed record RegisterEmployerRequest(
    string? Name,
    string? CreditCode,
    EmployerLocality? Locality,
    string? Division = null,
    string? PartnerCity = null,
    string? Industry = null,
    EmployerSize? Size = null,
    IReadOnlyList<ContactInput?>? Contacts = null)
{
    public RegisterEmployer ToCommand() =>
        new(Name ?? string.Empty, CreditCode ?? string.Empty, Locality, Division, PartnerCity, Industry, Size, Contacts ?? []);
}

public sealed record ChangeEmployerRequest(
    string? Name,
    EmployerLocality? Locality,
    string? Division = null,
    string? PartnerCity = null,
    string? Industry = null,
    EmployerSize? Size = null,
    IReadOnlyList<ContactInput?>? Contacts = null)
{
    public ChangeEmployer ToCommand(Guid employerId, uint expectedVersion) =>
        new(employerId, expectedVersion, Name ?? string.Empty, Locality, Division, PartnerCity, Industry, Size, Contacts ?? []);
}

/// <param name="Division">The local enterprise's division, or the office looking after a partner-city enterprise.</param>
/// <param name="Contacts">Phone numbers masked: first three and last four digits.</param>
public sealed record EmployerResponse(
    Guid Id,
    string Name,
    string CreditCode,
    EmployerLocality Locality,
    string Division,
    string? PartnerCity,
    string Industry,
    EmployerSize Size,
    IReadOnlyList<ContactResponse> Contacts,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    public static EmployerResponse From(EmployerView employer) => new(
        employer.Id,
        employer.Name,
        employer.CreditCode,
        employer.Locality,
        employer.Division,
        employer.PartnerCity,
        employer.Industry,
        employer.Size,
        [.. employer.Contacts.Select(c => new ContactResponse(c.Id, c.Name, c.Role, c.PhoneMasked))],
        employer.RegisteredAt,
        employer.UpdatedAt);
}

/// <param name="Id">Names the contact in a reveal; a change of the employer replaces its contacts, with new ids.</param>
/// <param name="Phone">Masked: first three and last four digits.</param>
public sealed record ContactResponse(Guid Id, string Name, string? Role, string Phone);

/// <param name="Reason">Why the full number is needed, 10 to 500 characters; kept in the audit trail.</param>
public sealed record RevealContactPhoneRequest(string? Reason);

public sealed record RevealedContactPhoneResponse(Guid EmployerId, Guid ContactId, string Name, string Phone, Guid AuditId);
