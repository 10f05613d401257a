extern alias registry;

using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Homeward.Platform.Tests;

/// <summary>The migration job of deploy/k8s: the service's own image and configuration, migrating once and stopping.</summary>
public sealed class MigrationJobTests
{
    [Fact]
    public async Task A_service_started_as_the_migration_job_migrates_its_schema_and_stops()
    {
        await using var database = await TestDatabase.CreateAsync("registry");
        await using var virtualHost = await TestVirtualHost.CreateAsync();
        var settings = ServiceSettings.For("Registry", database.ConnectionStringFor("registry"), virtualHost.AmqpUri);
        settings["Database:MigrateOnStartup"] = "false";
        settings["Database:ExitAfterMigration"] = "true";
        foreach (var (key, value) in (await TestTokenIssuer.GetAsync()).Settings())
        {
            settings[key] = value;
        }

        await using var job = new ServiceFactory<registry::Program>(settings);

        await Eventually.TrueAsync(() => Task.FromResult(HasShutDown(job)), "the job to stop and dispose its host");
        Assert.True(await database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.__ef_migrations_history") > 0);
        Assert.True(await database.ScalarAsAdminAsync<bool>("SELECT to_regclass('registry.outbox_messages') IS NOT NULL"));
    }

    /// <summary>Starts the host on first use; true once it has run to its end and disposed its services.</summary>
    private static bool HasShutDown(ServiceFactory<registry::Program> job)
    {
        try
        {
            return job.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.IsCancellationRequested;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }
}
