using Homeward.BuildingBlocks.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Homeward.BuildingBlocks.Web.Api;

/// <summary>
/// Documents each operation's access rule from its authorization metadata: the OAuth scope it needs, and the 401
/// and 403 problem responses every protected operation can give.
/// </summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public const string SchemeName = "oauth2";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var scopes = metadata.OfType<AuthorizationPolicy>()
            .SelectMany(policy => policy.Requirements.OfType<ScopeRequirement>())
            .Select(requirement => requirement.Scope)
            .Distinct()
            .ToList();

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = scopes,
        });
        operation.Responses ??= [];
        AddProblem(operation, context, StatusCodes.Status401Unauthorized, "The access token is missing, expired or invalid.");
        AddProblem(operation, context, StatusCodes.Status403Forbidden, "The token lacks the scope or role this operation needs.");
    }

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
