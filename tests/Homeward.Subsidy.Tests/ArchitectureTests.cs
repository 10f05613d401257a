using Homeward.Subsidy.Application;
using Homeward.Subsidy.Domain.Workers;
using Homeward.Subsidy.Infrastructure;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Dependencies_point_inwards()
    {
        ArchitectureRules.AssertLayers(
            typeof(Worker).Assembly,
            typeof(ISubsidyDbContext).Assembly,
            typeof(SubsidyInfrastructure).Assembly,
            typeof(Program).Assembly);
    }
}
