using System.Data;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Homeward.BuildingBlocks.Tests.Persistence;

/// <summary>What every service's connections set up for their sessions.</summary>
public sealed class ConnectionSettingsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(ProbeDbContext.Schema);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_service_connection_never_compiles_statements_just_in_time()
    {
        await using var provider = ServiceDatabase(_database.ConnectionStringFor(ProbeDbContext.Schema));
        await using var scope = provider.CreateAsyncScope();

        var jit = await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Database
            .SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"")
            .SingleAsync();

        Assert.Equal("off", jit);
    }

    [Fact]
    public async Task A_burst_waits_for_one_of_the_pools_connections_instead_of_opening_more()
    {
        await using var provider = ServiceDatabase(_database.ConnectionStringFor(ProbeDbContext.Schema));
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < PersistenceServiceCollectionExtensions.DefaultMaxPoolSize; i++)
        {
            held.Add(await dataSource.OpenConnectionAsync());
        }

        using (var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dataSource.OpenConnectionAsync(shortWait.Token).AsTask());
        }

        var waiting = dataSource.OpenConnectionAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.False(waiting.IsCompleted);
        await held[0].DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ConnectionState.Open, next.State);
        for (var i = 1; i < held.Count; i++)
        {
            await held[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task A_connection_string_that_names_its_pool_size_keeps_it()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionStringFor(ProbeDbContext.Schema)) { MaxPoolSize = 40 }.ConnectionString;
        await using var provider = ServiceDatabase(connectionString);

        var configured = new NpgsqlConnectionStringBuilder(provider.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        Assert.Equal(40, configured.MaxPoolSize);
    }

    private static ServiceProvider ServiceDatabase(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Probe"] = connectionString })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddServiceDatabase<ProbeDbContext>(configuration, "Probe", ProbeDbContext.Schema);
        return services.BuildServiceProvider();
    }
}
