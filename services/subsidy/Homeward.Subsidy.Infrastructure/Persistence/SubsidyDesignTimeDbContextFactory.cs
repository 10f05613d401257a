using Homeward.BuildingBlocks.Infrastructure.Persistence;

namespace Homeward.Subsidy.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class SubsidyDesignTimeDbContextFactory()
    : DesignTimeDbContextFactory<SubsidyDbContext>(SubsidyDbContext.Schema, options => new SubsidyDbContext(options));
