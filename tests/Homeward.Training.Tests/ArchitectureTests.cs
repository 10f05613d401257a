using Homeward.Testing;
using Homeward.Training.Api.Trades;
using Homeward.Training.Application.Trades;
using Homeward.Training.Domain.Catalog;
using Homeward.Training.Infrastructure;

namespace Homeward.Training.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Dependencies_point_inwards()
    {
        ArchitectureRules.AssertLayers(
            typeof(Course).Assembly,
            typeof(ListTrades).Assembly,
            typeof(TrainingInfrastructure).Assembly,
            typeof(TradeEndpoints).Assembly);
    }
}
