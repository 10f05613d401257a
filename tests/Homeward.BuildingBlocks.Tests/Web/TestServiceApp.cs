using Homeward.BuildingBlocks.Web;
using Homeward.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Tests.Web;

/// <summary>
/// An application with the service defaults on a test server, accepting the test issuer's tokens addressed to the
/// service it describes: the web building block as every service uses it, around the endpoints a test maps.
/// </summary>
internal static class TestServiceApp
{
    public static WebApplicationBuilder CreateBuilder(
        TestTokenIssuer tokens,
        ServiceDescription service,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(tokens.Settings());
        builder.Configuration["Authentication:Audiences:0"] = service.Name;
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddServiceDefaults(service);
        return builder;
    }
}
