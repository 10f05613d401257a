using System.Data.Common;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The most connections a service's pool opens unless its connection string names another maximum.</summary>
    public const int DefaultMaxPoolSize = 16;

    /// <summary>
    /// The service's DbContext on its own schema and login role (ConnectionStrings:&lt;connectionName&gt;), with snake_case
    /// names, the migrations history in the same schema, the outbox behind <see cref="IOutbox"/>, and migration at
    /// start-up when configured.
    /// </summary>
    public static IServiceCollection AddServiceDatabase<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        string connectionName,
        string schema)
        where TContext : ServiceDbContext
    {
        var connectionString = configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton(_ => NpgsqlDataSource.Create(ForLongLivedConnections(connectionString)));
        services.AddSingleton(provider => new ServiceDatabase(
            schema,
            provider.GetRequiredService<NpgsqlDataSource>(),
            NpgsqlDataSource.Create(OutboxPool(connectionString, schema))));
        services.AddSingleton<OutboxWakeUp>();
        services.AddSingleton<BulkWrites>();
        services.AddSingleton<IBulkWrites>(provider => provider.GetRequiredService<BulkWrites>());
        services.AddSingleton<OutboxWakeUpInterceptor>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxBacklogReader>();
        // Pooled: a request reuses a reset context instead of building options and internal services anew, which
        // profiling showed as a tenth of a simple read's CPU. The contexts hold no state beyond what EF resets.
        services.AddDbContextPool<TContext>((provider, options) => options
            .UseNpgsql(
                provider.GetRequiredService<NpgsqlDataSource>(),
                npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<OutboxWakeUpInterceptor>()));
        services.AddScoped<ServiceDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddSingleton<OutboxHousekeeping>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxHousekeeping>());

        // Registered first so that it completes before the dispatcher and the bus start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>());
        return services;
    }

    /// <summary>
    /// The services never change session state (settings they need are SET LOCAL), so returning a connection to the
    /// pool need not cost a DISCARD ALL round trip; prepared statements then also survive across uses. The statements
    /// a service runs again and again are prepared on each connection after a few uses, so PostgreSQL stops parsing
    /// and planning them for every request. JIT compilation is off: PostgreSQL starts it on the planner's cost estimate,
    /// which a correlated subquery inflates far beyond the work done, and then spends 0.3–0.9 s compiling a city's KPI
    /// count that itself runs in well under a second; none of the services' statements runs long enough to repay it.
    /// <para>
    /// A pool opens a connection for every request that finds none idle, up to its maximum. With Npgsql's 100, a burst
    /// at 1,000 requests/s on a two-core server opened a hundred backends at once (authentication, a new backend's
    /// caches, every statement prepared anew): stalls of 0.2–0.5 s, after which lookups were spread over a hundred cold
    /// backends (docs/benchmarks.md, section 14). PostgreSQL runs no more statements at once than it has cores, so a
    /// request waits for one of <see cref="DefaultMaxPoolSize"/> instead; a connection string that names its own maximum
    /// keeps it.
    /// </para>
    /// </summary>
    private static string ForLongLivedConnections(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 50 };
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        if (!NamesMaxPoolSize(connectionString))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    private static bool NamesMaxPoolSize(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .Any(key => key.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase) || key.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The listener, the dispatcher, the backlog sample and housekeeping: never more than four at once. Their sessions
    /// never scan the whole outbox: the table is usually near empty when it is analyzed, and a bulk write (an import's
    /// 100,000 events) then made the dispatcher sort every pending row on each pass (0.3–0.7 s each, measured) until
    /// the next analyze, where the pending-rows index hands over the oldest rows in order.
    /// </summary>
    private static string OutboxPool(string connectionString, string schema) =>
        new NpgsqlConnectionStringBuilder(ForLongLivedConnections(connectionString))
        {
            MaxPoolSize = 4,
            ApplicationName = $"{schema}-outbox",
            Options = "-c enable_seqscan=off",
        }.ConnectionString;
}
