using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Registry.Application.Monitoring;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Registry.Api.Monitoring;

public static class MonitoringEndpoints
{
    /// <summary>
    /// Who settles discrepancies and verifies records: offices above the village (township, county, city), so that the
    /// collector who wrote a record is not the one who judges or checks it. Each acts only within their own division.
    /// </summary>
    private static readonly string[] Reviewers = [Roles.TownshipOfficer, Roles.CountyOfficer, Roles.CityAdmin];

    public static RouteGroupBuilder MapMonitoringEndpoints(this RouteGroupBuilder api)
    {
        var worker = api.MapGroup("/workers/{workerId:guid}");
        MapObservations(worker);
        MapDiscrepancies(api);
        MapVerification(api, worker);

        api.MapGet("/work-queue", GetWorkQueueAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Work queue")
            .WithName("GetWorkQueue")
            .WithSummary("What an office should attend to first")
            .WithDescription(
                "Open discrepancies, returned workers not yet visited and stale records of a division (yours when left out), "
                + "most urgent first. Urgency = 30 + 3/day for an open discrepancy, 20 + 2/day since the return for an unvisited "
                + "return, 10 + 1/day beyond the stale threshold (Registry:WorkQueue:StaleAfterDays, 180 by default) for a stale record.")
            .ProducesValidationProblem();
        return api;
    }

    private static void MapObservations(RouteGroupBuilder worker)
    {
        worker.MapPost("/observations", RecordObservationAsync)
            .RequireScope(Scopes.RegistryWrite)
            .WithTags("Observations")
            .WithName("RecordObservation")
            .WithSummary("Record what a source reports about one fact of a worker")
            .WithDescription(
                "Agreement confirms the record (outcome confirmed); a value the record lacks is taken (filled); a different value "
                + "opens a discrepancy for staff, or joins the open one with the same observed value (disagreed). A door-to-door "
                + "observation also counts as a visit. Phone numbers are compared by lookup hash and kept only masked.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        worker.MapGet("/observations/{observationId:guid}", GetObservationAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Observations")
            .WithName("GetObservation")
            .WithSummary("Read an observation")
            .ProducesProblem(StatusCodes.Status404NotFound);

        worker.MapPost("/visits", RecordVisitAsync)
            .RequireScope(Scopes.RegistryWrite)
            .WithTags("Observations")
            .WithName("RecordVisit")
            .WithSummary("Record a visit to the household that found the record right")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapDiscrepancies(RouteGroupBuilder api)
    {
        var discrepancies = api.MapGroup("/discrepancies").WithTags("Discrepancies");

        discrepancies.MapGet("/", ListDiscrepanciesAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("ListDiscrepancies")
            .WithSummary("Discrepancies of your division's workers, oldest first (open ones unless status says otherwise)")
            .ProducesValidationProblem();

        discrepancies.MapGet("/{discrepancyId:guid}", GetDiscrepancyAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithName("GetDiscrepancy")
            .WithSummary("Read a discrepancy (with its ETag)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        discrepancies.MapPost("/{discrepancyId:guid}/resolution", ResolveDiscrepancyAsync)
            .RequireScope(Scopes.RegistryWrite, Reviewers)
            .WithName("ResolveDiscrepancy")
            .WithSummary("Accept or reject the observed value, with a reason (If-Match required)")
            .WithDescription(
                "For township and county officers and city administrators, within their division. Accepting writes the observed "
                + "value into the record (a new household village must lie within your division); rejecting keeps the record. "
                + "A discrepancy is resolved once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static void MapVerification(RouteGroupBuilder api, RouteGroupBuilder worker)
    {
        api.MapPost("/verification-samples", DrawVerificationSampleAsync)
            .RequireScope(Scopes.RegistryWrite, Reviewers)
            .WithTags("Verification")
            .WithName("DrawVerificationSample")
            .WithSummary("Draw workers at random for verification")
            .WithDescription("From a division within yours, leaving out workers verified in the last 30 days. Nothing is stored.")
            .ProducesValidationProblem();

        worker.MapPost("/verifications", RecordVerificationAsync)
            .RequireScope(Scopes.RegistryWrite, Reviewers)
            .WithTags("Verification")
            .WithName("RecordVerification")
            .WithSummary("Record the check of a worker's record and which facts were wrong")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        worker.MapGet("/verifications/{verificationId:guid}", GetVerificationAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Verification")
            .WithName("GetVerification")
            .WithSummary("Read a verification")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/accuracy", GetAccuracyAsync)
            .RequireScope(Scopes.RegistryRead)
            .WithTags("Verification")
            .WithName("GetAccuracy")
            .WithSummary("Share of verified records that were right, in a division and period")
            .WithDescription("accuracy = confirmed ÷ verified, null when nothing was verified. from and to are UTC calendar days, both inclusive.")
            .ProducesValidationProblem();
    }

    private static async Task<Created<ObservationView>> RecordObservationAsync(
        Guid workerId,
        RecordObservationRequest request,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var observation = await sender.Send(request.ToCommand(workerId), cancellationToken);
        return TypedResults.Created(MonitoringPaths.Observation(workerId, observation.Id), observation);
    }

    private static async Task<Ok<ObservationView>> GetObservationAsync(
        Guid workerId,
        Guid observationId,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetObservation(workerId, observationId), cancellationToken));

    private static async Task<Ok<VisitView>> RecordVisitAsync(
        Guid workerId,
        RecordVisitRequest? request,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RecordVisit(workerId, request?.VisitedAt), cancellationToken));

    private static async Task<Ok<Page<DiscrepancyResponse>>> ListDiscrepanciesAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? division = null,
        string? status = null,
        int? limit = null,
        string? cursor = null)
    {
        var page = await sender.Send(new ListDiscrepancies(division, status, PageRequest.Create(limit, cursor)), cancellationToken);
        return TypedResults.Ok(page.Map(DiscrepancyResponse.From));
    }

    private static async Task<Ok<DiscrepancyResponse>> GetDiscrepancyAsync(
        Guid discrepancyId,
        ISender sender,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var discrepancy = await sender.Send(new GetDiscrepancy(discrepancyId), cancellationToken);
        response.SetETag(discrepancy.RowVersion);
        return TypedResults.Ok(DiscrepancyResponse.From(discrepancy));
    }

    private static async Task<Ok<DiscrepancyResponse>> ResolveDiscrepancyAsync(
        Guid discrepancyId,
        ResolveDiscrepancyRequest request,
        ISender sender,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Discrepancy", discrepancyId);
        var discrepancy = await sender.Send(
            new ResolveDiscrepancy(discrepancyId, expected, request.Accept, request.Reason, request.Phone),
            cancellationToken);
        response.SetETag(discrepancy.RowVersion);
        return TypedResults.Ok(DiscrepancyResponse.From(discrepancy));
    }

    private static async Task<Ok<VerificationSampleView>> DrawVerificationSampleAsync(
        DrawVerificationSampleRequest request,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DrawVerificationSample(request.Division, request.Size), cancellationToken));

    private static async Task<Created<VerificationView>> RecordVerificationAsync(
        Guid workerId,
        RecordVerificationRequest request,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var verification = await sender.Send(new RecordVerification(workerId, request.Source, request.CorrectedFields), cancellationToken);
        return TypedResults.Created(MonitoringPaths.Verification(workerId, verification.Id), verification);
    }

    private static async Task<Ok<VerificationView>> GetVerificationAsync(
        Guid workerId,
        Guid verificationId,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetVerification(workerId, verificationId), cancellationToken));

    private static async Task<Ok<AccuracyView>> GetAccuracyAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? division = null,
        DateOnly? from = null,
        DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new GetAccuracy(division, from, to), cancellationToken));

    private static async Task<Ok<WorkQueueView>> GetWorkQueueAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? division = null,
        int? limit = null) =>
        TypedResults.Ok(await sender.Send(new GetWorkQueue(division, limit), cancellationToken));
}
