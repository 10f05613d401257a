using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Training.Api.Common;
using Homeward.Training.Application.Enrollments;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Enrollments;

public static class EnrollmentEndpoints
{
    public static RouteGroupBuilder MapEnrollmentEndpoints(this RouteGroupBuilder api)
    {
        var enrollments = api.MapGroup("/enrollments").WithTags("Enrollments");
        enrollments.MapGet("/", ListAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListEnrollments")
            .WithSummary("Enrollments of workers of the caller's division, optionally of one ?workerId=")
            .ProducesValidationProblem();
        enrollments.MapGet("/{enrollmentId:guid}", GetAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("GetEnrollment")
            .WithSummary("Read an enrollment of a worker of the caller's division: status, waitlist position, assessment")
            .ProducesProblem(StatusCodes.Status404NotFound);
        enrollments.MapPost("/{enrollmentId:guid}/withdraw", WithdrawAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("Withdraw")
            .WithSummary("Withdraw a worker from a session (If-Match required); the first on the waitlist takes a freed seat")
            .WithDescription("A seated trainee's withdrawal publishes TrainingDropped, and TrainingEnrolled for whoever moves up while the session is open.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        enrollments.MapPost("/{enrollmentId:guid}/assessment", AssessAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("RecordAssessment")
            .WithSummary("Record a trainee's theory and practical scores (If-Match required)")
            .WithDescription("Both at or above Training:PassMark is a pass. A completed trainee who passes is certified at once (CertificateIssued); one in training, when the session completes.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Ok<Page<EnrollmentView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? workerId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListEnrollments(null, workerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<EnrollmentView>> GetAsync(Guid enrollmentId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var enrollment = await sender.Send(new GetEnrollment(enrollmentId), cancellationToken);
        response.SetETag(enrollment.RowVersion);
        return TypedResults.Ok(enrollment);
    }

    private static async Task<Ok<EnrollmentView>> WithdrawAsync(Guid enrollmentId, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Enrollment", enrollmentId);
        var enrollment = await sender.Send(new Withdraw(enrollmentId, expected), cancellationToken);
        response.SetETag(enrollment.RowVersion);
        return TypedResults.Ok(enrollment);
    }

    private static async Task<Ok<EnrollmentView>> AssessAsync(
        Guid enrollmentId, AssessmentRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Enrollment", enrollmentId);
        var enrollment = await sender.Send(new RecordAssessment(enrollmentId, expected, request.TheoryScore, request.PracticalScore), cancellationToken);
        response.SetETag(enrollment.RowVersion);
        return TypedResults.Ok(enrollment);
    }
}

/// <param name="TheoryScore">0 to 100.</param>
/// <param name="PracticalScore">0 to 100.</param>
public sealed record AssessmentRequest(int? TheoryScore, int? PracticalScore);
