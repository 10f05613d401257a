extern alias identity;

using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.Registry.Infrastructure.Persistence;
using Homeward.Subsidy.Infrastructure.Persistence;
using Homeward.Training.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using IdentityDbContext = identity::Homeward.Identity.Persistence.IdentityDbContext;

namespace Homeward.Platform.Tests;

/// <summary>
/// Every service's committed migrations build exactly the model its code maps: a mapping changed or moved without a
/// migration fails here rather than at the next deployment.
/// </summary>
public sealed class ModelMigrationTests
{
    [Fact]
    public void Every_services_mappings_are_what_its_migrations_build()
    {
        ServiceDbContext[] contexts =
        [
            Create<RegistryDbContext>(RegistryDbContext.Schema, options => new RegistryDbContext(options)),
            Create<JobMatchingDbContext>(JobMatchingDbContext.Schema, options => new JobMatchingDbContext(options)),
            Create<SubsidyDbContext>(SubsidyDbContext.Schema, options => new SubsidyDbContext(options)),
            Create<TrainingDbContext>(TrainingDbContext.Schema, options => new TrainingDbContext(options)),
            Create<IdentityDbContext>(IdentityDbContext.Schema, options => new IdentityDbContext(options)),
        ];

        foreach (var context in contexts)
        {
            using (context)
            {
                Assert.False(context.Database.HasPendingModelChanges(), $"{context.GetType().Name} has mapping changes without a migration");
            }
        }
    }

    /// <summary>The context as the EF Core tools build it to add a migration.</summary>
    private static TContext Create<TContext>(string schema, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : ServiceDbContext =>
        new ToolsFactory<TContext>(schema, create).CreateDbContext([]);

    private sealed class ToolsFactory<TContext>(string schema, Func<DbContextOptions<TContext>, TContext> create)
        : DesignTimeDbContextFactory<TContext>(schema, create)
        where TContext : ServiceDbContext;
}
