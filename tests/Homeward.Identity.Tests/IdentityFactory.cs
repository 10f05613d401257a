using Homeward.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Identity.Tests;

/// <summary>
/// The Identity service in the test process. It validates its own tokens for its management API, fetching its
/// OpenID configuration and keys over the JWT bearer backchannel; here that backchannel reaches the in-memory server.
/// </summary>
public sealed class IdentityFactory(IReadOnlyDictionary<string, string?> settings, string? environment = null)
    : ServiceFactory<Program>(settings)
{
    /// <summary>A client that keeps cookies and does not follow redirects, as a browser driven step by step.</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }

        // Configure, not PostConfigure: JwtBearer's own post-configuration builds the metadata retriever from the
        // backchannel handler, so the handler must be in place before it runs. The server comes from the container, not
        // from the factory's Server, which would start a second host when the keys are discovered during the start.
        builder.ConfigureTestServices(services => services
            .AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServer>((jwt, server) => jwt.BackchannelHttpHandler = ((TestServer)server).CreateHandler()));
    }
}
