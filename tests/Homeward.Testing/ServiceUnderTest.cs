using Xunit;

namespace Homeward.Testing;

/// <summary>
/// One service hosted in the test process for a test class, on its own database (its own role) and virtual host,
/// migrated and with its bus ready before the first test runs.
/// </summary>
public abstract class ServiceUnderTest<TEntryPoint>(string connectionName, string schema) : IAsyncLifetime
    where TEntryPoint : class
{
    public TestDatabase Database { get; private set; } = null!;

    public TestVirtualHost VirtualHost { get; private set; } = null!;

    public ServiceFactory<TEntryPoint> Factory { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; private set; } = null!;

    /// <summary>A client signed in as a city administrator with every staff scope.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(schema);
        VirtualHost = await TestVirtualHost.CreateAsync();
        Tokens = await TestTokenIssuer.GetAsync();
        var settings = ServiceSettings.For(connectionName, Database.ConnectionStringFor(schema), VirtualHost.AmqpUri);
        foreach (var (key, value) in Tokens.Settings())
        {
            settings[key] = value;
        }

        Factory = new ServiceFactory<TEntryPoint>(Settings(settings));
        Anonymous = Factory.CreateClient();
        Client = ClientFor(Caller.CityAdmin());
        await BusReadiness.WaitAsync(Factory.Services);
    }

    /// <summary>A client whose requests carry <paramref name="caller"/>'s token.</summary>
    public HttpClient ClientFor(Caller caller) => ClientWithToken(Tokens.TokenFor(caller));

    public HttpClient ClientWithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Lets a fixture add or change settings of the service under test.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) => defaults;
}
