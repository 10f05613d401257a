using Homeward.BuildingBlocks.Application;

namespace Homeward.Training.Application;

public interface ITrainingDbContext : IServiceDbContext;
