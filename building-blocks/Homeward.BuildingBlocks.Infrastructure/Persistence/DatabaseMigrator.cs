using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Applies the service's migrations before any other hosted service starts (it is registered first), so the outbox
/// dispatcher and the consumers never run against a schema that is not there yet. As the migration job it stops the
/// process once the schema is migrated.
/// </summary>
public sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopeFactory,
    IOptions<DatabaseOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup && !options.Value.ExitAfterMigration)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        await dbContext.Database.MigrateAsync(cancellationToken);
        var applied = (await dbContext.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "(none)";
        LogMigrated(logger, dbContext.Schema, applied);
        if (options.Value.ExitAfterMigration)
        {
            lifetime.StopApplication();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema {Schema} is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, string schema, string migration);
}
