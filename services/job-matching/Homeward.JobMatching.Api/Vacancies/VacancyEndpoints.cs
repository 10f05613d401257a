using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.JobMatching.Api.Common;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Vacancies;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.JobMatching.Api.Vacancies;

public static class VacancyEndpoints
{
    public static RouteGroupBuilder MapVacancyEndpoints(this RouteGroupBuilder api)
    {
        var vacancies = api.MapGroup("/vacancies").WithTags("Vacancies");

        vacancies.MapPost("/", PostAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("PostVacancy")
            .WithSummary("Post an open vacancy of an employer of the caller's division")
            .WithDescription("Wages are monthly CNY. The workplace is the employer's division unless division names another within the caller's.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        vacancies.MapGet("/", ListAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("ListVacancies")
            .WithSummary("Vacancies of the whole city and its partner cities, optionally by ?employerId=, ?status= and ?tradeCode=")
            .ProducesValidationProblem();

        vacancies.MapGet("/{vacancyId:guid}", GetAsync)
            .RequireScope(Scopes.JobMatchingRead)
            .WithName("GetVacancy")
            .WithSummary("Read a vacancy")
            .ProducesProblem(StatusCodes.Status404NotFound);

        vacancies.MapPut("/{vacancyId:guid}", ChangeAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("ChangeVacancy")
            .WithSummary("Replace what a vacancy offers and asks for (If-Match required)")
            .WithDescription("The headcount cannot drop below those hired (422 vacancy-headcount-below-filled); raising it reopens a filled vacancy.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        vacancies.MapPost("/{vacancyId:guid}/status", ChangeStatusAsync)
            .RequireScope(Scopes.JobMatchingWrite, StaffRoles.Offices)
            .WithName("ChangeVacancyStatus")
            .WithSummary("Close or reopen a vacancy (If-Match required)")
            .WithDescription(
                "open → closed, filled → closed, closed → open and expired → open (only with places left and a valid-through date not past). "
                + "A vacancy becomes filled when its last place is hired and expired after its valid-through day, by itself. "
                + "Other transitions answer 422 vacancy-transition-not-allowed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Created<VacancyView>> PostAsync(PostVacancyRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var vacancy = await sender.Send(request.ToCommand(), cancellationToken);
        response.SetETag(vacancy.RowVersion);
        return TypedResults.Created(JobMatchingPaths.Vacancy(vacancy.Id), vacancy);
    }

    private static async Task<Ok<Page<VacancyView>>> ListAsync(
        ISender sender,
        CancellationToken cancellationToken,
        Guid? employerId = null,
        string? status = null,
        string? tradeCode = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListVacancies(employerId, status, tradeCode, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<VacancyView>> GetAsync(Guid vacancyId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var vacancy = await sender.Send(new GetVacancy(vacancyId), cancellationToken);
        response.SetETag(vacancy.RowVersion);
        return TypedResults.Ok(vacancy);
    }

    private static async Task<Ok<VacancyView>> ChangeAsync(
        Guid vacancyId, ChangeVacancyRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Vacancy", vacancyId);
        var vacancy = await sender.Send(request.ToCommand(vacancyId, expected), cancellationToken);
        response.SetETag(vacancy.RowVersion);
        return TypedResults.Ok(vacancy);
    }

    private static async Task<Ok<VacancyView>> ChangeStatusAsync(
        Guid vacancyId, ChangeVacancyStatusRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Vacancy", vacancyId);
        var vacancy = await sender.Send(new ChangeVacancyStatus(vacancyId, expected, request.Status), cancellationToken);
        response.SetETag(vacancy.RowVersion);
        return TypedResults.Ok(vacancy);
    }
}

/// <param name="RequiredLevel">Lowest skill level in the trade: none, junior, intermediate, senior or technician; none when left out.</param>
/// <param name="WageMin">Monthly wage in CNY, lower end.</param>
/// <param name="Division">Workplace division within the city, for a local employer; the employer's when left out.</param>
/// <param name="ValidThrough">Last day (city calendar) the vacancy is open; it expires by itself afterwards.</param>
public sealed record PostVacancyRequest(
    Guid EmployerId,
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel = null,
    IReadOnlyList<RequiredCertificateInput?>? RequiredCertificates = null,
    EducationLevel? MinimumEducation = null,
    int? Headcount = null,
    decimal? WageMin = null,
    decimal? WageMax = null,
    string? Division = null,
    bool? Accommodation = null,
    DateOnly? ValidThrough = null)
{
    public PostVacancy ToCommand() => new(
        EmployerId, Title, TradeCode, RequiredLevel, RequiredCertificates ?? [], MinimumEducation, Headcount, WageMin, WageMax, Division, Accommodation, ValidThrough);
}

public sealed record ChangeVacancyRequest(
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel = null,
    IReadOnlyList<RequiredCertificateInput?>? RequiredCertificates = null,
    EducationLevel? MinimumEducation = null,
    int? Headcount = null,
    decimal? WageMin = null,
    decimal? WageMax = null,
    bool? Accommodation = null,
    DateOnly? ValidThrough = null)
{
    public ChangeVacancy ToCommand(Guid vacancyId, uint expectedVersion) => new(
        vacancyId, expectedVersion, Title, TradeCode, RequiredLevel, RequiredCertificates ?? [], MinimumEducation, Headcount, WageMin, WageMax, Accommodation, ValidThrough);
}

/// <param name="Status">open or closed.</param>
public sealed record ChangeVacancyStatusRequest(VacancyStatus? Status);
