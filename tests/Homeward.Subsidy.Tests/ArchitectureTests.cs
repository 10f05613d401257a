using System.Reflection;
using Homeward.Subsidy.Application;
using Homeward.Subsidy.Infrastructure;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Dependencies_point_inwards()
    {
        ArchitectureRules.AssertLayers(
            // The domain has no types yet, so it is loaded by name; the rule then holds for every type added to it.
            Assembly.Load("Homeward.Subsidy.Domain"),
            typeof(ISubsidyDbContext).Assembly,
            typeof(SubsidyInfrastructure).Assembly,
            typeof(Program).Assembly);
    }
}
