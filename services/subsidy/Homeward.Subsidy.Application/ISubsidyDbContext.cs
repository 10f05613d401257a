using Homeward.BuildingBlocks.Application;

namespace Homeward.Subsidy.Application;

public interface ISubsidyDbContext : IServiceDbContext;
