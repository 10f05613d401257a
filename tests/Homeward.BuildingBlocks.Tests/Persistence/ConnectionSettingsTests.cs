using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Probe"] = _database.ConnectionStringFor(ProbeDbContext.Schema) })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddServiceDatabase<ProbeDbContext>(configuration, "Probe", ProbeDbContext.Schema);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var jit = await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Database
            .SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"")
            .SingleAsync();

        Assert.Equal("off", jit);
    }
}
