using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// The real processes, each on its own database role in one test database and on one virtual host, behind the real
/// gateway. Tests talk to the gateway only, over HTTP, as a client would.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
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

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Services.Select(s => s.Schema).ToArray());
        VirtualHost = await TestVirtualHost.CreateAsync();

        var services = await Task.WhenAll(Services.Select(service => ServiceProcess.StartAsync(
            service.Name,
            service.Project,
            ServiceSettings.For(service.Connection, Database.ConnectionStringFor(service.Schema), VirtualHost.AmqpUri))));
        _processes.AddRange(services);

        var gatewaySettings = services.ToDictionary(
            service => $"ReverseProxy:Clusters:{service.Name}:Destinations:local:Address",
            service => (string?)service.BaseAddress.ToString());
        var gateway = await ServiceProcess.StartAsync("gateway", "services/gateway/Homeward.Gateway", gatewaySettings);
        _processes.Add(gateway);
        Gateway = new HttpClient { BaseAddress = gateway.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    public string OutputOf(string name) => _processes.Single(p => p.Name == name).Output;
}
