using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Training.Api.Common;
using Homeward.Training.Application.Common;
using Homeward.Training.Application.Enrollments;
using Homeward.Training.Application.Sessions;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Sessions;

public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapPost("/", PlanAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("PlanSession")
            .WithSummary("Plan a session of a published course in a division within the caller's: dates, capacity, instructors")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sessions.MapGet("/", ListAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListSessions")
            .WithSummary("Sessions of the city, optionally by ?division=, ?tradeCode= and ?status=")
            .ProducesValidationProblem();
        sessions.MapGet("/{sessionId:guid}", GetAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("GetSession")
            .WithSummary("Read a session: seats taken and left")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/{sessionId:guid}/status", ChangeStatusAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("ChangeSessionStatus")
            .WithSummary("Move a session of the caller's division on: planned → open → inProgress → completed, or cancelled (If-Match required)")
            .WithDescription(
                "Completing applies the completion rule (Training:MinimumAttendance of all hours held, Training:MinimumPracticalAttendance of the practical "
                + "hours): TrainingCompleted, and a certificate (CertificateIssued) for those who passed the assessment; the others TrainingDropped. "
                + "Cancelling drops every seated trainee. A transition not allowed answers 422 session-transition-not-allowed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        sessions.MapPost("/{sessionId:guid}/enrollments", EnrollAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("Enroll")
            .WithSummary("Enroll a registered worker of the caller's division in an open session: a seat while one is left, else the waitlist")
            .WithDescription(
                "Publishes TrainingEnrolled for a seat. Concurrent enrollments take seats one at a time in order of arrival; the rest wait in that order. "
                + "A worker has one enrollment per session (409 already-enrolled); a session not open answers 422 session-not-open.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sessions.MapPost("/{sessionId:guid}/enrollments/batch", EnrollBatchAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("EnrollBatch")
            .WithSummary($"Enroll a roster of up to {EnrollBatch.MaxWorkers} registered workers of the caller's division in an open session, in one transaction, with a result per worker")
            .WithDescription(
                "The workers arrive in the order given, each as one enrollment would: a seat while one is left (TrainingEnrolled, one per seat), then the waitlist. "
                + "Each worker is created, alreadyEnrolled (its existing enrollment, nothing changed) or rejected with a problem (404 worker-not-found: not known to "
                + "training as registered, or outside the caller's division). The answer is 200 with the counts and the items in request order; sending the same "
                + "roster again changes nothing. A session not open answers 422 session-not-open when the roster holds a worker not yet enrolled; an unknown "
                + "session 404. An empty roster, more than the maximum, or a worker twice answers 400 naming workerIds.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sessions.MapPost("/{sessionId:guid}/assessments/batch", RecordAssessmentsAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("RecordSessionAssessments")
            .WithSummary($"Record a session's score sheet: theory and practical scores of up to {RecordSessionAssessments.MaxScores} trainees, in one transaction, with a result per trainee")
            .WithDescription(
                "Each trainee is assessed as by RecordAssessment (pass mark Training:PassMark; a completed trainee who passes is certified at once, CertificateIssued). "
                + "A sheet records first results: each score is recorded, unchanged (already assessed with the same scores, so sending the sheet again changes nothing) "
                + "or rejected with a problem — 404 not-enrolled (no enrollment in the session that the caller's division sees), 409 already-assessed (other scores: "
                + "correct them through the enrollment's assessment with If-Match), 422 enrollment-not-assessable or already-certified. The answer is 200 with the counts "
                + "and the items in sheet order. The sheet takes the session's lock, so it never interleaves with its completion; a single assessment of one of its "
                + "trainees committed meanwhile answers 412 for the whole sheet, which is then sent again.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        sessions.MapGet("/{sessionId:guid}/enrollments", ListEnrollmentsAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListSessionEnrollments")
            .WithSummary("The session's enrollments of workers of the caller's division, in order of arrival")
            .ProducesValidationProblem();

        sessions.MapPost("/{sessionId:guid}/lessons", RecordLessonAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("RecordLesson")
            .WithSummary("Record a lesson held (theory or practical, hours) and who of the seated trainees was present")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sessions.MapGet("/{sessionId:guid}/lessons", ListLessonsAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListLessons")
            .WithSummary("The lessons held in a session with how many were present and absent")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<SessionView>> PlanAsync(PlanSessionRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var session = await sender.Send(
            new PlanSession(request.CourseId, request.Division, request.StartsOn, request.EndsOn, request.Capacity, request.Instructors), cancellationToken);
        response.SetETag(session.RowVersion);
        return TypedResults.Created(TrainingPaths.Session(session.Id), session);
    }

    private static async Task<Ok<Page<SessionView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, string? division = null, string? tradeCode = null, string? status = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListSessions(division, tradeCode, status, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<SessionView>> GetAsync(Guid sessionId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var session = await sender.Send(new GetSession(sessionId), cancellationToken);
        response.SetETag(session.RowVersion);
        return TypedResults.Ok(session);
    }

    private static async Task<Ok<SessionView>> ChangeStatusAsync(
        Guid sessionId, ChangeSessionStatusRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Session", sessionId);
        var session = await sender.Send(new ChangeSessionStatus(sessionId, expected, request.Status), cancellationToken);
        response.SetETag(session.RowVersion);
        return TypedResults.Ok(session);
    }

    private static async Task<Created<EnrollmentView>> EnrollAsync(Guid sessionId, EnrollRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var enrollment = await sender.Send(new Enroll(sessionId, request.WorkerId), cancellationToken);
        response.SetETag(enrollment.RowVersion);
        return TypedResults.Created(TrainingPaths.Enrollment(enrollment.Id), enrollment);
    }

    private static async Task<Ok<EnrollmentBatchReport>> EnrollBatchAsync(Guid sessionId, EnrollBatchRequest request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new EnrollBatch(sessionId, request.WorkerIds), cancellationToken));

    private static async Task<Ok<AssessmentBatchReport>> RecordAssessmentsAsync(
        Guid sessionId, AssessmentSheetRequest request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RecordSessionAssessments(sessionId, request.Scores), cancellationToken));

    private static async Task<Ok<Page<EnrollmentView>>> ListEnrollmentsAsync(
        Guid sessionId, ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListEnrollments(sessionId, null, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Created<LessonView>> RecordLessonAsync(Guid sessionId, RecordLessonRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var lesson = await sender.Send(new RecordLesson(sessionId, request.HeldOn, request.Kind, request.Hours, request.Topic, request.PresentWorkerIds), cancellationToken);
        return TypedResults.Created($"{TrainingPaths.Session(sessionId)}/lessons", lesson);
    }

    private static async Task<Ok<IReadOnlyList<LessonView>>> ListLessonsAsync(Guid sessionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListLessons(sessionId), cancellationToken));
}

/// <param name="Division">12-digit code of where the session is held; within the caller's division.</param>
public sealed record PlanSessionRequest(Guid? CourseId, string? Division, DateOnly? StartsOn, DateOnly? EndsOn, int? Capacity, IReadOnlyList<string>? Instructors);

/// <param name="Status">open, inProgress, completed or cancelled.</param>
public sealed record ChangeSessionStatusRequest(SessionStatus? Status);

public sealed record EnrollRequest(Guid? WorkerId);

/// <param name="WorkerIds">The roster in order of arrival: 1 to 500 registered workers of the caller's division, each once.</param>
public sealed record EnrollBatchRequest(IReadOnlyList<Guid?>? WorkerIds);

/// <param name="Scores">1 to 500 trainees of the session, each once.</param>
public sealed record AssessmentSheetRequest(IReadOnlyList<SessionScore?>? Scores);

/// <param name="Kind">theory or practical.</param>
/// <param name="PresentWorkerIds">The seated workers who attended; every other seated worker is recorded absent.</param>
public sealed record RecordLessonRequest(DateOnly? HeldOn, LessonKind? Kind, decimal? Hours, string? Topic, IReadOnlyList<Guid>? PresentWorkerIds);
