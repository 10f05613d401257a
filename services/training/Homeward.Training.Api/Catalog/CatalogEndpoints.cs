using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Api.Common;
using Homeward.Training.Application.Catalog;
using Homeward.Training.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Catalog;

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Providers");
        providers.MapPost("/", RegisterProviderAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Catalog)
            .WithName("RegisterProvider")
            .WithSummary("Register a training provider based in the caller's division")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        providers.MapGet("/", ListProvidersAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListProviders")
            .WithSummary("Training providers of the city")
            .ProducesValidationProblem();
        providers.MapGet("/{providerId:guid}", GetProviderAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("GetProvider")
            .WithSummary("Read a training provider")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var courses = api.MapGroup("/courses").WithTags("Courses");
        courses.MapPost("/", DraftCourseAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Catalog)
            .WithName("DraftCourse")
            .WithSummary("Draft a course of a provider: trade, certificate level, theory and practical hours, syllabus")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        courses.MapGet("/", ListCoursesAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("ListCourses")
            .WithSummary("Courses, optionally by ?tradeCode=, ?status= (draft, published, retired) and ?providerId=")
            .ProducesValidationProblem();
        courses.MapGet("/{courseId:guid}", GetCourseAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithName("GetCourse")
            .WithSummary("Read a course")
            .ProducesProblem(StatusCodes.Status404NotFound);
        courses.MapPut("/{courseId:guid}", ChangeCourseAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Catalog)
            .WithName("ChangeCourse")
            .WithSummary("Replace the content of a draft course (If-Match required)")
            .WithDescription("A published or retired course answers 422 course-not-draft.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        courses.MapPost("/{courseId:guid}/publish", PublishCourseAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Catalog)
            .WithName("PublishCourse")
            .WithSummary("Publish a draft course (If-Match required)")
            .WithDescription("Refused with 422 practical-share-too-low when practical hours are below the configured share of all hours (Training:MinimumPracticalShare).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        courses.MapPost("/{courseId:guid}/retire", RetireCourseAsync)
            .RequireScope(Scopes.TrainingWrite, StaffRoles.Catalog)
            .WithName("RetireCourse")
            .WithSummary("Retire a published course: no new session teaches it (If-Match required)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Created<ProviderView>> RegisterProviderAsync(RegisterProviderRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var provider = await sender.Send(new RegisterProvider(request.Name, request.Division, request.Address), cancellationToken);
        response.SetETag(provider.RowVersion);
        return TypedResults.Created(TrainingPaths.Provider(provider.Id), provider);
    }

    private static async Task<Ok<Page<ProviderView>>> ListProvidersAsync(ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListProviders(PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<ProviderView>> GetProviderAsync(Guid providerId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var provider = await sender.Send(new GetProvider(providerId), cancellationToken);
        response.SetETag(provider.RowVersion);
        return TypedResults.Ok(provider);
    }

    private static async Task<Created<CourseView>> DraftCourseAsync(CourseRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var course = await sender.Send(
            new DraftCourse(request.ProviderId, request.TradeCode, request.Level, request.Title, request.TheoryHours, request.PracticalHours, request.Syllabus),
            cancellationToken);
        response.SetETag(course.RowVersion);
        return TypedResults.Created(TrainingPaths.Course(course.Id), course);
    }

    private static async Task<Ok<Page<CourseView>>> ListCoursesAsync(
        ISender sender, CancellationToken cancellationToken, string? tradeCode = null, string? status = null, Guid? providerId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListCourses(tradeCode, status, providerId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<CourseView>> GetCourseAsync(Guid courseId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var course = await sender.Send(new GetCourse(courseId), cancellationToken);
        response.SetETag(course.RowVersion);
        return TypedResults.Ok(course);
    }

    private static async Task<Ok<CourseView>> ChangeCourseAsync(
        Guid courseId, ChangeCourseRequest request, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Course", courseId);
        var course = await sender.Send(
            new ChangeCourse(courseId, expected, request.TradeCode, request.Level, request.Title, request.TheoryHours, request.PracticalHours, request.Syllabus),
            cancellationToken);
        response.SetETag(course.RowVersion);
        return TypedResults.Ok(course);
    }

    private static async Task<Ok<CourseView>> PublishCourseAsync(Guid courseId, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Course", courseId);
        var course = await sender.Send(new PublishCourse(courseId, expected), cancellationToken);
        response.SetETag(course.RowVersion);
        return TypedResults.Ok(course);
    }

    private static async Task<Ok<CourseView>> RetireCourseAsync(Guid courseId, ISender sender, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Course", courseId);
        var course = await sender.Send(new RetireCourse(courseId, expected), cancellationToken);
        response.SetETag(course.RowVersion);
        return TypedResults.Ok(course);
    }
}

/// <param name="Division">12-digit code of where the provider is based; within the caller's division.</param>
public sealed record RegisterProviderRequest(string? Name, string? Division, string? Address = null);

/// <param name="Level">The certificate level the course leads to: junior, intermediate, senior or technician.</param>
public sealed record CourseRequest(
    Guid? ProviderId, string? TradeCode, SkillLevel? Level, string? Title, int? TheoryHours, int? PracticalHours, IReadOnlyList<string>? Syllabus);

public sealed record ChangeCourseRequest(string? TradeCode, SkillLevel? Level, string? Title, int? TheoryHours, int? PracticalHours, IReadOnlyList<string>? Syllabus);
