using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Contracts.Registry;
using Homeward.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Homeward.BuildingBlocks.Tests.Probe;

/// <summary>
/// A service made only of building blocks, on its own test database and virtual host: it stores probe records with
/// WorkerRegistered events through the outbox, and consumes those events through the inbox.
/// </summary>
public sealed class ProbeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ProbeHost(IHost host, TestDatabase database)
    {
        _host = host;
        Database = database;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _host.Services;

    public DeliveryCounter Deliveries => Services.GetRequiredService<DeliveryCounter>();

    public BatchRecorder Batches => Services.GetRequiredService<BatchRecorder>();

    public static async Task<ProbeHost> StartAsync(
        TestDatabase database,
        Uri rabbitMq,
        bool withFailingConsumer = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool withBatchConsumer = false)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(ServiceSettings.For("Probe", database.ConnectionStringFor(ProbeDbContext.Schema), rabbitMq));
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeliveryCounter>();
        builder.Services.AddSingleton<BatchRecorder>();
        builder.Services.AddServiceDatabase<ProbeDbContext>(builder.Configuration, "Probe", ProbeDbContext.Schema);
        builder.Services.AddServiceMessaging(builder.Configuration, "probe", bus =>
        {
            bus.AddConsumer<ProbeEffectConsumer>();
            if (withFailingConsumer)
            {
                bus.AddConsumer<AlwaysFailingConsumer>();
            }

            if (withBatchConsumer)
            {
                bus.AddConsumer<RecordedBatchConsumer, RecordedBatchConsumerDefinition>();
            }
        });

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            if (await db.Database.EnsureCreatedAsync())
            {
                await db.Database.ExecuteSqlRawAsync(OutboxSql.CreateNotifyTrigger(ProbeDbContext.Schema));
            }
        }

        host.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(host.Services.GetRequiredService<DeliveryCounter>());
        await host.StartAsync();
        await BusReadiness.WaitAsync(host.Services);
        return new ProbeHost(host, database);
    }

    /// <summary>Stores a probe record and its WorkerRegistered event in one SaveChanges, as a use case does.</summary>
    public async Task<WorkerRegistered> RecordAsync(string label = "probe")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var id = Guid.CreateVersion7();
        var registered = new WorkerRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, id, "张伟", "male", new DateOnly(1990, 1, 1), "419921101201");
        db.Records.Add(new ProbeRecord { Id = id, Label = label });
        outbox.Enqueue(registered);
        await db.SaveChangesAsync();
        return registered;
    }

    public Task<long> CountAsync(string table, string where = "true") =>
        Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM probe.{table} WHERE {where}");

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>The database and virtual host one test class shares.</summary>
public sealed class ProbeServers : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public TestVirtualHost VirtualHost { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(ProbeDbContext.Schema);
        VirtualHost = await TestVirtualHost.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
