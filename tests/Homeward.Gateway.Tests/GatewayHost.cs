using System.Globalization;
using System.Net.Http.Headers;
using Homeward.Testing;

namespace Homeward.Gateway.Tests;

/// <summary>
/// The gateway hosted in the test process. It validates tokens of the test issuer for every service's audience, has
/// a small body cap, and proxies the registry and identity routes to a real <see cref="EchoBackend"/>. It needs no
/// database and no broker.
/// </summary>
public class GatewayHost : IAsyncLifetime
{
    public const long MaxRequestBodyBytes = 1024;

    public static readonly IReadOnlyList<string> Audiences = ["registry", "job-matching", "subsidy", "training", "identity"];

    public EchoBackend Backend { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; private set; } = null!;

    public ServiceFactory<Program> Factory { get; private set; } = null!;

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The burst each client may send; large enough here that the tests' anonymous requests are never limited.</summary>
    protected virtual int TokenLimit => 100;

    protected virtual int TokensPerSecond => 50;

    public async Task InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Tokens = await TestTokenIssuer.GetAsync();
        var settings = new Dictionary<string, string?>(Tokens.Settings())
        {
            ["Gateway:RateLimit:TokenLimit"] = TokenLimit.ToString(CultureInfo.InvariantCulture),
            ["Gateway:RateLimit:TokensPerSecond"] = TokensPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Gateway:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture),
            ["ReverseProxy:Clusters:registry:Destinations:local:Address"] = Backend.Address.ToString(),
            ["ReverseProxy:Clusters:identity:Destinations:local:Address"] = Backend.Address.ToString(),
        };
        for (var i = 0; i < Audiences.Count; i++)
        {
            settings[$"Authentication:Audiences:{i}"] = Audiences[i];
        }

        await ConfigureAsync(settings);

        Factory = new ServiceFactory<Program>(settings);
        Anonymous = Factory.CreateClient();
    }

    /// <summary>Settings of a derived host's own, added before the gateway starts.</summary>
    protected virtual Task ConfigureAsync(IDictionary<string, string?> settings) => Task.CompletedTask;

    /// <summary>A client whose requests carry <paramref name="caller"/>'s token.</summary>
    public HttpClient ClientFor(Caller caller) => ClientWithToken(Tokens.TokenFor(caller));

    public HttpClient ClientWithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A path of the echo endpoint that no other request uses, to find this request among those the backend received.</summary>
    public static string EchoPathFor(string marker) => $"{EchoBackend.EchoPath}?probe={marker}";

    public static string NewMarker() => Guid.NewGuid().ToString("N");

    public virtual async Task DisposeAsync()
    {
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await Backend.DisposeAsync();
    }
}

/// <summary>The gateway with a burst of five requests per client, refilled at one a second.</summary>
public sealed class RateLimitedGateway : GatewayHost
{
    public const int Burst = 5;

    protected override int TokenLimit => Burst;

    protected override int TokensPerSecond => 1;
}
