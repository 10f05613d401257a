using System.Reflection;
using Homeward.Testing;
using Homeward.Training.Api.Trades;
using Homeward.Training.Application.Trades;
using Homeward.Training.Infrastructure;

namespace Homeward.Training.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Dependencies_point_inwards()
    {
        ArchitectureRules.AssertLayers(
            // The domain has no types yet, so it is loaded by name; the rule then holds for every type added to it.
            Assembly.Load("Homeward.Training.Domain"),
            typeof(ListTrades).Assembly,
            typeof(TrainingInfrastructure).Assembly,
            typeof(TradeEndpoints).Assembly);
    }
}
