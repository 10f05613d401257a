using System.Globalization;
using Homeward.BuildingBlocks.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Homeward.BuildingBlocks.Web.Api;

/// <summary>
/// What every operation can answer because of the platform rather than its own logic, stated once for every
/// operation of every service: callers reach the API through the gateway, which limits each client's rate (429 with
/// <c>Retry-After</c>, and <c>RateLimit-*</c> headers on every answer); any input can be refused as a validation
/// problem (400 naming the fields); an operation on a resource by id can find none, or none the caller may see (404);
/// any failure is a problem response (500).
/// </summary>
public sealed class ResponseConventionsDocumentFilter : IDocumentFilter
{
    private const string ProblemMediaType = "application/problem+json";

    private static readonly string[] RateLimitHeaderNames = [RateLimitHeaders.Limit, RateLimitHeaders.Remaining, RateLimitHeaders.Reset];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var operations = document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []).ToList();
        if (operations.Count == 0)
        {
            return;
        }

        AddHeaderComponents(document);
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validationProblem = context.SchemaGenerator.GenerateSchema(typeof(HttpValidationProblemDetails), context.SchemaRepository);

        foreach (var operation in operations)
        {
            operation.Responses ??= [];
            if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
            {
                AddProblem(operation, StatusCodes.Status400BadRequest, "The request is malformed or fails validation; the problem names each failing field.", validationProblem);
            }

            if (operation.Parameters?.Any(parameter => parameter.In == ParameterLocation.Path) == true)
            {
                AddProblem(operation, StatusCodes.Status404NotFound, "No such resource, or it lies outside the caller's division.", problem);
            }

            var tooManyRequests = AddProblem(operation, StatusCodes.Status429TooManyRequests, "This client has used up its request rate; retry after Retry-After seconds.", problem);
            tooManyRequests.Headers ??= new Dictionary<string, IOpenApiHeader>();
            tooManyRequests.Headers.TryAdd(RateLimitHeaders.RetryAfter, new OpenApiHeaderReference(RateLimitHeaders.RetryAfter, document));
            AddProblem(operation, StatusCodes.Status500InternalServerError, "An unexpected failure; the problem carries the trace id, never details.", problem);

            foreach (var (status, response) in operation.Responses)
            {
                if ((status.StartsWith('2') || status.StartsWith('4')) && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    foreach (var name in RateLimitHeaderNames)
                    {
                        concrete.Headers.TryAdd(name, new OpenApiHeaderReference(name, document));
                    }
                }
            }
        }
    }

    private static void AddHeaderComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers[RateLimitHeaders.Limit] = Header("The client's burst: how many requests it may send at once.");
        document.Components.Headers[RateLimitHeaders.Remaining] = Header("How many requests the client may still send now.");
        document.Components.Headers[RateLimitHeaders.Reset] = Header("Seconds until the client's allowance is full again.");
        document.Components.Headers[RateLimitHeaders.RetryAfter] = Header("Seconds to wait before the next request.");
    }

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "0",
            Maximum = int.MaxValue.ToString(CultureInfo.InvariantCulture),
        },
    };

    private static OpenApiResponse AddProblem(OpenApiOperation operation, int status, string description, IOpenApiSchema schema)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse concrete)
        {
            return concrete;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { [ProblemMediaType] = new OpenApiMediaType { Schema = schema } },
        };
        operation.Responses[key] = response;
        return response;
    }
}
