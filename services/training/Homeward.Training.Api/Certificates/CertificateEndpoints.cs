using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Api.Common;
using Homeward.Training.Application.Certificates;
using Homeward.Training.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Certificates;

public static class CertificateEndpoints
{
    public static RouteGroupBuilder MapCertificateEndpoints(this RouteGroupBuilder api)
    {
        var certificates = api.MapGroup("/certificates").WithTags("Certificates");
        certificates.MapGet("/", ListAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListCertificates")
            .WithSummary("Certificates issued to workers of the caller's division, optionally of one ?workerId=")
            .ProducesValidationProblem();
        certificates.MapGet("/{certificateId:guid}", GetAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("GetCertificate")
            .WithSummary("Read a certificate: number, trade, level, date, and whether from a course or prior learning")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var assessments = api.MapGroup("/prior-learning-assessments").WithTags("Certificates");
        assessments.MapPost("/", AssessAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Offices)
            .WithName("AssessPriorLearning")
            .WithSummary("Recognition of prior learning: assess a registered worker of the caller's division in a trade and level without the course")
            .WithDescription("Both scores at or above Training:PassMark issue the certificate (CertificateIssued). A worker who holds it already answers 409 already-certified.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        assessments.MapGet("/{assessmentId:guid}", GetAssessmentAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("GetPriorLearningAssessment")
            .WithSummary("Read a recognition of prior learning")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<Page<CertificateView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? workerId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListCertificates(workerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<CertificateView>> GetAsync(Guid certificateId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetCertificate(certificateId), cancellationToken));

    private static async Task<Created<PriorLearningAssessmentView>> AssessAsync(PriorLearningRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var assessment = await sender.Send(
            new AssessPriorLearning(request.WorkerId, request.TradeCode, request.Level, request.TheoryScore, request.PracticalScore, request.Assessor, request.AssessedOn),
            cancellationToken);
        return TypedResults.Created(TrainingPaths.PriorLearningAssessment(assessment.Id), assessment);
    }

    private static async Task<Ok<PriorLearningAssessmentView>> GetAssessmentAsync(Guid assessmentId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPriorLearningAssessment(assessmentId), cancellationToken));
}

/// <param name="Level">junior, intermediate, senior or technician.</param>
public sealed record PriorLearningRequest(
    Guid? WorkerId, string? TradeCode, SkillLevel? Level, int? TheoryScore, int? PracticalScore, string? Assessor, DateOnly? AssessedOn);
