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

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(schema);
        VirtualHost = await TestVirtualHost.CreateAsync();
        Factory = new ServiceFactory<TEntryPoint>(Settings(ServiceSettings.For(connectionName, Database.ConnectionStringFor(schema), VirtualHost.AmqpUri)));
        Client = Factory.CreateClient();
        await BusReadiness.WaitAsync(Factory.Services);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Lets a fixture add or change settings of the service under test.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) => defaults;
}
