using Asp.Versioning;
using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Health;
using Homeward.BuildingBlocks.Web.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Homeward.BuildingBlocks.Web.Api;

public static class ServiceApiExtensions
{
    public const string DocumentName = "v1";

    /// <summary>
    /// A service with its own database and REST API: the service defaults, readiness of database, broker and outbox,
    /// the validators of its use cases, URL-segment API versioning and its OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddServiceApi(this WebApplicationBuilder builder, ServiceDescription service, Type useCaseAssemblyMarker)
    {
        builder.AddServiceDefaults(service);
        builder.Services.AddHealthChecks().AddDatabaseHealthChecks();
        // Validators hold only their rules (and singletons such as the clock), so one instance serves every request:
        // building a validator's rules took a twentieth of an ID lookup's CPU when each request made its own.
        builder.Services.AddValidatorsFromAssembly(useCaseAssemblyMarker.Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        builder.Services
            .AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1);
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                options.ReportApiVersions = true;
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = service.Title,
                Version = DocumentName,
                Description = service.Description,
            });
            swagger.CustomSchemaIds(SchemaIds.For);
            var scopes = Scopes.All
                .Where(scope => Scopes.AudienceOf(scope) == service.Name)
                .ToDictionary(scope => scope, scope => scope);
            swagger.AddSecurityDefinition(SecurityOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Staff sign in with the authorization code flow (PKCE, client swagger-ui); apps and partner cities use client credentials. "
                    + "Access tokens are signed JWTs (RFC 9068) issued and validated following RFC8725, JSON Web Token Best Current Practices: "
                    + "signed with RS256 only (unsigned tokens and other algorithms are refused), keys from the issuer's published set, issuer, audience and lifetime always checked; "
                    + "they live 30 minutes by default.",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = scopes,
                    },
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = scopes,
                    },
                },
            });
            swagger.OperationFilter<SecurityOperationFilter>();
            swagger.SchemaFilter<IntegerRangeSchemaFilter>();
            swagger.DocumentFilter<ResponseConventionsDocumentFilter>();
        });

        // Schemas follow the JSON the endpoints really read and write (enums as camelCase strings, strict numbers),
        // not MVC's defaults, which the minimal APIs here do not use.
        builder.Services.AddTransient<ISerializerDataContractResolver>(services =>
            new JsonSerializerDataContractResolver(services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions));
        return builder;
    }

    /// <summary>
    /// The request pipeline of a service and its versioned route group, <c>/api/&lt;service&gt;/v1</c>. Every endpoint
    /// in it can fail with a problem response, which the document says once here rather than on every endpoint.
    /// </summary>
    public static RouteGroupBuilder UseServiceApi(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<ServiceDescription>();

        // The API description is public (it is what a client needs to ask for a token), so it is served before the
        // fallback policy, which requires a token for everything else, is applied.
        app.UseServiceDefaults(beforeAuthorization: pipeline => pipeline.UseForSwaggerPaths(docs =>
        {
            docs.UseSwagger();
            docs.UseSwaggerUI(ui =>
            {
                ui.SwaggerEndpoint($"{SwaggerPaths.Root}/{DocumentName}/swagger.json", service.Title);
                ui.DocumentTitle = service.Title;
            });
        }));
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapServiceDefaults();
        var versions = app.NewApiVersionSet().HasApiVersion(new ApiVersion(1)).ReportApiVersions().Build();
        return app.MapGroup($"{service.ApiPrefix}/v{{version:apiVersion}}")
            .WithApiVersionSet(versions)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }
}
