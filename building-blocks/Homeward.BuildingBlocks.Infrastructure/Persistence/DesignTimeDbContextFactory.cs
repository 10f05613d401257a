using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Builds a service's DbContext for the EF Core tools with the same conventions as at run time. Generating a
/// migration needs no database; a connection string can be given in HOMEWARD_DESIGN_CONNECTION to run other tools.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext>(string schema, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : ServiceDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("HOMEWARD_DESIGN_CONNECTION") ?? "Host=localhost;Database=homeward";
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            .Options;
        return create(options);
    }
}
