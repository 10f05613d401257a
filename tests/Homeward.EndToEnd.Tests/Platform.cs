using System.Net.Http.Headers;
using System.Security.Cryptography;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// The real processes — Identity, the four services and the gateway — each on its own database role in one test
/// database and on one virtual host. Tests talk to the gateway only, over HTTP, as a client would, with tokens the
/// real Identity service issued.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    public const string AdminUserName = "admin";
    public static readonly string AdminPassword = $"E2e-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}-Pw";

    private static readonly (string Name, string Project, string Connection, string Schema)[] Services =
    [
        ("registry", "services/registry/Homeward.Registry.Api", "Registry", "registry"),
        ("job-matching", "services/job-matching/Homeward.JobMatching.Api", "JobMatching", "jobmatching"),
        ("subsidy", "services/subsidy/Homeward.Subsidy.Api", "Subsidy", "subsidy"),
        ("training", "services/training/Homeward.Training.Api", "Training", "training"),
    ];

    private readonly List<ServiceProcess> _processes = [];

    public TestDatabase Database { get; private set; } = null!;

    public TestVirtualHost VirtualHost { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>A client of the gateway without a token.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A client of the gateway signed in as the bootstrap city administrator through the Swagger UI's flow.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(["identity", .. Services.Select(s => s.Schema)]);
        VirtualHost = await TestVirtualHost.CreateAsync();
        var gatewayPort = ServiceProcess.FreePort();
        GatewayAddress = new Uri($"http://127.0.0.1:{gatewayPort}/");
        var identityPort = ServiceProcess.FreePort();
        var identityAddress = new Uri($"http://127.0.0.1:{identityPort}/");

        var identity = await ServiceProcess.StartAsync("identity", "services/identity/Homeward.Identity", new Dictionary<string, string?>(
            ServiceSettings.For("Identity", Database.ConnectionStringFor("identity"), VirtualHost.AmqpUri))
        {
            ["Identity:Issuer"] = GatewayAddress.ToString(),
            ["Identity:SigningKey"] = RSA.Create(2048).ExportRSAPrivateKeyPem(),
            ["Identity:EncryptionKey"] = RSA.Create(2048).ExportRSAPrivateKeyPem(),
            ["Identity:SwaggerRedirectUris:0"] = new Uri(GatewayAddress, "/swagger/oauth2-redirect.html").ToString(),
            ["Identity:DashboardRedirectUris:0"] = new Uri(GatewayAddress, "/dashboard/").ToString(),
            ["Identity:Bootstrap:UserName"] = AdminUserName,
            ["Identity:Bootstrap:Password"] = AdminPassword,
        }.WithAuthentication(GatewayAddress, identityAddress), identityPort);
        _processes.Add(identity);

        var services = await Task.WhenAll(Services.Select(service => ServiceProcess.StartAsync(
            service.Name,
            service.Project,
            ServiceSettings.For(service.Connection, Database.ConnectionStringFor(service.Schema), VirtualHost.AmqpUri)
                .WithAuthentication(GatewayAddress, identity.BaseAddress))));
        _processes.AddRange(services);

        var gatewaySettings = services.Append(identity).ToDictionary(
            service => $"ReverseProxy:Clusters:{service.Name}:Destinations:local:Address",
            service => (string?)service.BaseAddress.ToString());
        gatewaySettings["Gateway:RateLimit:TokenLimit"] = "1000";
        gatewaySettings["Gateway:RateLimit:TokensPerSecond"] = "1000";
        var gateway = await ServiceProcess.StartAsync(
            "gateway", "services/gateway/Homeward.Gateway", gatewaySettings.WithAuthentication(GatewayAddress, identity.BaseAddress), gatewayPort);
        _processes.Add(gateway);

        Gateway = new HttpClient { BaseAddress = GatewayAddress };
        Admin = await SignInAsync(AdminUserName, AdminPassword, [.. Scopes.All]);
    }

    /// <summary>Signs in through the Swagger UI's authorization code + PKCE flow and returns a client carrying the token.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password, IEnumerable<string> scopes)
    {
        var token = await StaffSignIn.GetTokenAsync(GatewayAddress, userName, password, scopes);
        var client = new HttpClient { BaseAddress = GatewayAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Admin?.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    public string OutputOf(string name) => _processes.Single(p => p.Name == name).Output;
}

internal static class PlatformSettings
{
    /// <summary>Tokens name the gateway as issuer; keys are discovered from the Identity service directly.</summary>
    public static Dictionary<string, string?> WithAuthentication(this Dictionary<string, string?> settings, Uri gateway, Uri identity)
    {
        settings["Authentication:Issuer"] = gateway.ToString();
        settings["Authentication:MetadataAddress"] = new Uri(identity, "/.well-known/openid-configuration").ToString();
        settings["Authentication:RequireHttpsMetadata"] = "false";
        return settings;
    }
}
