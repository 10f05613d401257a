using Homeward.BuildingBlocks.Infrastructure.Persistence;

namespace Homeward.Training.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class TrainingDesignTimeDbContextFactory()
    : DesignTimeDbContextFactory<TrainingDbContext>(TrainingDbContext.Schema, options => new TrainingDbContext(options));
