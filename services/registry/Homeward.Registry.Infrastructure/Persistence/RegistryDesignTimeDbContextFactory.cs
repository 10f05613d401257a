using Homeward.BuildingBlocks.Infrastructure.Persistence;

namespace Homeward.Registry.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class RegistryDesignTimeDbContextFactory()
    : DesignTimeDbContextFactory<RegistryDbContext>(RegistryDbContext.Schema, options => new RegistryDbContext(options));
