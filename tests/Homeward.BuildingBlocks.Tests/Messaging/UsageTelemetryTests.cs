using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Tests.Messaging;

public sealed class UsageTelemetryTests
{
    [Fact]
    public void A_service_bus_never_reports_usage_to_the_library_vendor()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ServiceSettings.For("Probe", "Host=127.0.0.1;Database=unused", new Uri("amqp://guest:guest@127.0.0.1:5672/")))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceMessaging(configuration, "probe");

        using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
