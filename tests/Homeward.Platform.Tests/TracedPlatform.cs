extern alias gateway;
extern alias jobmatching;
extern alias registry;

using System.Diagnostics;
using Homeward.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Homeward.Platform.Tests;

/// <summary>
/// The gateway, the Registry (on a real port, as the gateway forwards over HTTP) and JobMatching hosted in this
/// process on one database and one virtual host, with an in-memory exporter that records every span the process
/// makes: the same activity sources the services export (ASP.NET Core, HttpClient, the outbox, MassTransit).
/// </summary>
public sealed class TracedPlatform : IAsyncLifetime
{
    public static readonly ActivitySource TestSource = new("Homeward.Platform.Tests");

    private readonly List<Activity> _spans = [];
    private TracerProvider _tracing = null!;
    private TestDatabase _database = null!;
    private TestVirtualHost _virtualHost = null!;
    private ServiceFactory<registry::Program> _registry = null!;
    private ServiceFactory<jobmatching::Program> _jobMatching = null!;
    private ServiceFactory<gateway::Program> _gateway = null!;

    public TestTokenIssuer Tokens { get; private set; } = null!;

    /// <summary>The finished spans so far, safe to read while more arrive.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    public async Task InitializeAsync()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSource.Name, "Microsoft.AspNetCore", "System.Net.Http", "Homeward.Outbox", "MassTransit")
            .AddProcessor(new SimpleActivityExportProcessor(new InMemoryExporter<Activity>(new LockedCollection(_spans))))
            .Build()!;
        _database = await TestDatabase.CreateAsync("registry", "jobmatching");
        _virtualHost = await TestVirtualHost.CreateAsync();
        Tokens = await TestTokenIssuer.GetAsync();

        _registry = new ServiceFactory<registry::Program>(SettingsFor("Registry", "registry"));
        _registry.UseKestrel(0);
        _registry.StartServer();
        _jobMatching = new ServiceFactory<jobmatching::Program>(SettingsFor("JobMatching", "jobmatching"));
        await BusReadiness.WaitAsync(_registry.Services);
        await BusReadiness.WaitAsync(_jobMatching.Services);

        var registryAddress = _registry.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var gatewaySettings = new Dictionary<string, string?>(Tokens.Settings())
        {
            ["ReverseProxy:Clusters:registry:Destinations:local:Address"] = registryAddress,
            ["Authentication:Audiences:0"] = "registry",
        };
        _gateway = new ServiceFactory<gateway::Program>(gatewaySettings);
    }

    /// <summary>A client of the gateway whose requests carry <paramref name="caller"/>'s token.</summary>
    public HttpClient GatewayClientFor(Caller caller)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.TokenFor(caller));
        return client;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _jobMatching.DisposeAsync();
        await _registry.DisposeAsync();
        await _virtualHost.DisposeAsync();
        await _database.DisposeAsync();
        _tracing.Dispose();
    }

    private Dictionary<string, string?> SettingsFor(string connection, string schema)
    {
        var settings = ServiceSettings.For(connection, _database.ConnectionStringFor(schema), _virtualHost.AmqpUri);
        foreach (var (key, value) in Tokens.Settings())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The exporter adds from the threads that end spans; the test reads meanwhile.</summary>
    private sealed class LockedCollection(List<Activity> spans) : ICollection<Activity>
    {
        public int Count
        {
            get
            {
                lock (spans)
                {
                    return spans.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (spans)
            {
                spans.Add(item);
            }
        }

        public void Clear()
        {
            lock (spans)
            {
                spans.Clear();
            }
        }

        public bool Contains(Activity item)
        {
            lock (spans)
            {
                return spans.Contains(item);
            }
        }

        public void CopyTo(Activity[] array, int arrayIndex)
        {
            lock (spans)
            {
                spans.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(Activity item)
        {
            lock (spans)
            {
                return spans.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator() => Spans().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private List<Activity> Spans()
        {
            lock (spans)
            {
                return [.. spans];
            }
        }
    }
}
