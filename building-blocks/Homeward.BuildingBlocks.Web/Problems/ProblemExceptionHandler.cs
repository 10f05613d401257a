using System.Text.Json;
using System.Text.RegularExpressions;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.SharedKernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Web.Problems;

/// <summary>
/// Turns every failure into an RFC 9457 problem response. Known failures keep their meaning (400, 403, 404, 409,
/// 412, 413, 415, 422, 428); anything else is a 500 that names the trace id and never shows the exception.
/// </summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (exception is ConflictException { ExistingResourcePath: { } existing })
        {
            httpContext.Response.Headers.Location = existing;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException validation => new HttpValidationProblemDetails(validation.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } badParameter
            when ParameterFailure().Match(badParameter.Message) is { Success: true } failure => ParameterProblem(failure),
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
                _ => "The request is malformed.",
            },
            Detail = badRequest.StatusCode == StatusCodes.Status400BadRequest ? badRequest.Message : null,
        },
        NotFoundException notFound => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found.",
            Detail = notFound.Message,
        },
        ConflictException conflict => WithCode(
            new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = conflict.Message },
            conflict.Code,
            conflict.ExistingResourcePath),
        ForbiddenException forbidden => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = forbidden.Message,
        },
        PreconditionFailedException or DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = "The record has changed since you read it.",
            Detail = "Read it again and retry with the new ETag in If-Match.",
        },
        PreconditionRequiredException required => new ProblemDetails
        {
            Status = StatusCodes.Status428PreconditionRequired,
            Title = "If-Match is required.",
            Detail = required.Message,
        },
        DomainException domain => WithCode(
            new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request breaks a business rule.",
                Detail = domain.Message,
            },
            domain.Code,
            null),
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The error has been logged. Quote the traceId when you report it.",
        },
    };

    /// <summary>
    /// Explains a body that could not be read as the expected JSON, naming the field by its JSON path but never
    /// quoting .NET type names from the serializer's message.
    /// </summary>
    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = json.Path is null or "$" ? "$" : json.Path.TrimStart('$', '.');
        var message = json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
            ? "This field is not part of the request."
            : json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "The value has the wrong type or format."
                : "The body is not well-formed JSON.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
        };
    }

    /// <summary>
    /// Explains a route or query value the endpoint could not bind, naming the parameter and the form it takes, but
    /// never the .NET type the framework's message quotes.
    /// </summary>
    private static HttpValidationProblemDetails ParameterProblem(Match failure)
    {
        var message = failure.Groups["missing"].Success
            ? "This parameter is required."
            : UnderlyingType(failure.Groups["type"].Value) switch
            {
                "int" or "long" or "short" => "Expected a whole number.",
                "decimal" or "double" or "float" => "Expected a number.",
                "DateTimeOffset" or "DateTime" => "Expected a date and time in ISO 8601, e.g. 2026-01-31T08:00:00+08:00.",
                "DateOnly" => "Expected a date in ISO 8601, e.g. 2026-01-31.",
                "Guid" => "Expected an identifier (UUID).",
                "bool" => "Expected true or false.",
                _ => "The value is not one the API document allows here.",
            };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [failure.Groups["name"].Value] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };
    }

    /// <summary>"Nullable&lt;int&gt;" and "int?" both stand for int.</summary>
    private static string UnderlyingType(string displayName) =>
        displayName.StartsWith("Nullable<", StringComparison.Ordinal) ? displayName[9..^1] : displayName.TrimEnd('?');

    /// <summary>
    /// Minimal APIs' binding messages, e.g. <c>Failed to bind parameter "Nullable&lt;int&gt; limit" from "x".</c> and
    /// <c>Required parameter "string division" was not provided from query string.</c>
    /// </summary>
    [GeneratedRegex("^(?:Failed to bind parameter|(?<missing>Required parameter)) \"(?<type>[^\"]+) (?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterFailure();

    private static ProblemDetails WithCode(ProblemDetails problem, string code, string? existing)
    {
        problem.Extensions[ProblemExtensions.Code] = code;
        if (existing is not null)
        {
            problem.Extensions[ProblemExtensions.Existing] = existing;
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
