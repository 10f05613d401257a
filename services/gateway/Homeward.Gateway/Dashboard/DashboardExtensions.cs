using Microsoft.Extensions.FileProviders;

namespace Homeward.Gateway.Dashboard;

public static class DashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary>
    /// The ops dashboard: a static page shipped inside the gateway. It holds no figures itself: it signs the staff member
    /// in (client "dashboard") and reads the KPI composition with their token, so it is served to anyone.
    /// </summary>
    public static WebApplication UseOpsDashboard(this WebApplication app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(DashboardExtensions).Assembly, "Dashboard/wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
