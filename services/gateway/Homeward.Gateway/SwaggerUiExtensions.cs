using Homeward.BuildingBlocks.Web.Api;
using Microsoft.Extensions.Options;

namespace Homeward.Gateway;

public static class SwaggerUiExtensions
{
    /// <summary>
    /// One Swagger UI at /swagger that lists every service's document. The documents themselves are proxied from the
    /// services (routes "&lt;service&gt;-docs"), and their paths are the public ones, so "Try it out" goes through the gateway.
    /// </summary>
    public static WebApplication UseGatewaySwaggerUi(this WebApplication app)
    {
        var documents = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Documents;
        app.UseForSwaggerPaths(docs => docs.UseSwaggerUI(ui =>
        {
            ui.DocumentTitle = "Homeward API";

            // Staff sign in with the authorization code flow and PKCE; the Identity service only grants each role its scopes.
            ui.OAuthClientId("swagger-ui");
            ui.OAuthUsePkce();
            ui.OAuthScopeSeparator(" ");
            foreach (var document in documents)
            {
                ui.SwaggerEndpoint($"{SwaggerPaths.Root}/{document.Name}/v1/swagger.json", document.Title);
            }
        }));
        return app;
    }
}
