using Homeward.BuildingBlocks.Infrastructure.Persistence;

namespace Homeward.JobMatching.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class JobMatchingDesignTimeDbContextFactory()
    : DesignTimeDbContextFactory<JobMatchingDbContext>(JobMatchingDbContext.Schema, options => new JobMatchingDbContext(options));
