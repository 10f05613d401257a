using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Api.Common;
using Homeward.Subsidy.Application.Applications;
using Homeward.Subsidy.Application.Common;
using Homeward.Subsidy.Domain.Applications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Homeward.Subsidy.Api.Applications;

public sealed record DraftApplicationRequest(Guid? PolicyId, Guid? WorkerId, Guid? BusinessId);

public sealed record ReviewRequest(ReviewDecision? Decision, IReadOnlyList<RejectionReason>? ReasonCodes, string? Note);

public static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplicationEndpoints(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications");

        applications.MapPost("/", DraftAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.CaseWorkers)
            .WithName("DraftApplication")
            .WithSummary("Open an application of a worker of the caller's division; the caller is their case worker")
            .WithDescription("Documents the platform holds (identity, return home, business licence, training) are filled in; the others are uploaded. "
                + "One open or granted application per worker and policy (409).")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        applications.MapGet("/", ListAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListApplications")
            .WithSummary("Applications of the caller's division, optionally of one status, policy or worker")
            .ProducesValidationProblem();

        applications.MapGet("/overdue", OverdueAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListOverdueApplications")
            .WithSummary("The overdue queue: applications past their review stage's deadline, most overdue first, with the owning office")
            .ProducesValidationProblem();

        applications.MapGet("/{applicationId:guid}", GetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetApplication")
            .WithSummary("An application with its documents, stage deadline and full timeline")
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPost("/{applicationId:guid}/documents/{code}", UploadAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.CaseWorkers)
            .WithName("UploadApplicationDocument")
            .WithSummary("Upload a required document (the body is the file; PDF, JPEG or PNG, at most 5 MB by default)")
            .Accepts<byte[]>("application/pdf", "image/jpeg", "image/png")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        applications.MapGet("/{applicationId:guid}/documents/{code}", DownloadAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetApplicationDocument")
            .WithSummary("An uploaded document's content; its SHA-256 in the Digest header")
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPost("/{applicationId:guid}/submission", SubmitAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.CaseWorkers)
            .WithName("SubmitApplication")
            .WithSummary("Send a draft or returned application to the township pre-review (If-Match required)")
            .WithDescription("Every required document must be present and the worker eligible under the policy's current version, which the application then names.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        applications.MapPost("/{applicationId:guid}/pre-review", PreReviewAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.PreReviewers)
            .WithName("PreReviewApplication")
            .WithSummary("The township pre-review: forward, returnForRevision or reject (If-Match required)")
            .WithDescription("Four eyes: the applicant's case worker cannot decide (422 four-eyes).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        applications.MapPost("/{applicationId:guid}/approval", ApproveAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.Approvers)
            .WithName("DecideApplication")
            .WithSummary("The county approval: approve, returnForRevision or reject (If-Match required)")
            .WithDescription("Approval reserves the amount from the policy's annual budget atomically; a budget that cannot cover it answers 409 budget-exhausted. "
                + "Four eyes: neither the case worker nor the pre-reviewer can approve.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Created<ApplicationView>> DraftAsync(DraftApplicationRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var application = await sender.Send(new DraftApplication(request.PolicyId ?? Guid.Empty, request.WorkerId ?? Guid.Empty, request.BusinessId), cancellationToken);
        response.SetETag(application.RowVersion);
        return TypedResults.Created(ApplicationView.PathOf(application.Id), application);
    }

    private static async Task<Ok<Page<ApplicationView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, ApplicationStatus? status = null, Guid? policyId = null, Guid? workerId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListApplications(status, policyId, workerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<Page<ApplicationView>>> OverdueAsync(ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListOverdueApplications(PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<ApplicationView>> GetAsync(Guid applicationId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var application = await sender.Send(new GetApplication(applicationId), cancellationToken);
        response.SetETag(application.RowVersion);
        return TypedResults.Ok(application);
    }

    private static async Task<Ok<ApplicationView>> UploadAsync(
        Guid applicationId, string code, HttpRequest request, HttpResponse response, ISender sender, IOptions<SubsidyOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (UploadLimits.MediaTypeOf(request.ContentType) is not { } mediaType || !limits.UploadContentTypes.Contains(mediaType))
        {
            throw new BadHttpRequestException($"Documents are {string.Join(", ", limits.UploadContentTypes)}.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > limits.MaxUploadBytes)
        {
            throw new BadHttpRequestException("The document is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        // Read at most one byte past the limit, so a body without a Content-Length cannot fill the memory either.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxUploadBytes)
            {
                throw new BadHttpRequestException("The document is too large.", StatusCodes.Status413PayloadTooLarge);
            }
        }

        var application = await sender.Send(new UploadDocument(applicationId, code, mediaType, buffer.ToArray()), cancellationToken);
        response.SetETag(application.RowVersion);
        return TypedResults.Ok(application);
    }

    private static async Task<FileContentHttpResult> DownloadAsync(Guid applicationId, string code, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var upload = await sender.Send(new GetUploadContent(applicationId, code), cancellationToken);
        response.Headers["Digest"] = $"sha-256={Convert.ToBase64String(Convert.FromHexString(upload.Sha256))}";
        return TypedResults.File(upload.Content, upload.ContentType);
    }

    private static async Task<Ok<ApplicationView>> SubmitAsync(Guid applicationId, HttpRequest request, HttpResponse response, ISender sender, CancellationToken cancellationToken)
    {
        var application = await sender.Send(new SubmitApplication(applicationId, request.RequireIfMatch("Application", applicationId)), cancellationToken);
        response.SetETag(application.RowVersion);
        return TypedResults.Ok(application);
    }

    private static Task<Ok<ApplicationView>> PreReviewAsync(
        Guid applicationId, ReviewRequest review, HttpRequest request, HttpResponse response, ISender sender, CancellationToken cancellationToken) =>
        ReviewAsync(applicationId, ReviewStage.PreReview, review, request, response, sender, cancellationToken);

    private static Task<Ok<ApplicationView>> ApproveAsync(
        Guid applicationId, ReviewRequest review, HttpRequest request, HttpResponse response, ISender sender, CancellationToken cancellationToken) =>
        ReviewAsync(applicationId, ReviewStage.Approval, review, request, response, sender, cancellationToken);

    private static async Task<Ok<ApplicationView>> ReviewAsync(
        Guid applicationId, ReviewStage stage, ReviewRequest review, HttpRequest request, HttpResponse response, ISender sender, CancellationToken cancellationToken)
    {
        var expected = request.RequireIfMatch("Application", applicationId);
        var application = await sender.Send(new ReviewApplication(applicationId, expected, stage, review.Decision, review.ReasonCodes, review.Note), cancellationToken);
        response.SetETag(application.RowVersion);
        return TypedResults.Ok(application);
    }
}
