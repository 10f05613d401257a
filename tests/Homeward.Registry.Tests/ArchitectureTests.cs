using Homeward.Registry.Api.Workers;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Workers;
using Homeward.Registry.Infrastructure;
using Homeward.Testing;

namespace Homeward.Registry.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Dependencies_point_inwards()
    {
        ArchitectureRules.AssertLayers(
            typeof(Worker).Assembly,
            typeof(RegisterWorker).Assembly,
            typeof(RegistryInfrastructure).Assembly,
            typeof(WorkerEndpoints).Assembly);
    }
}
