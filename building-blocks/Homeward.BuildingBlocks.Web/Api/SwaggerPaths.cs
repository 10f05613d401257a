using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Homeward.BuildingBlocks.Web.Api;

public static class SwaggerPaths
{
    /// <summary>The path the API documents and Swagger UI are served under.</summary>
    public static readonly PathString Root = new("/swagger");

    /// <summary>
    /// Runs Swagger's middleware for requests under <see cref="Root"/> only. In the pipeline of every request, Swashbuckle's
    /// document middleware had the container build a document generator (with its schema generator and contract
    /// resolver) for each API call just to see that the path was not its own.
    /// </summary>
    public static IApplicationBuilder UseForSwaggerPaths(this IApplicationBuilder app, Action<IApplicationBuilder> swagger) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root), swagger);
}
