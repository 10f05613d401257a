using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Testing;

public static class BusReadiness
{
    /// <summary>
    /// Waits until the bus is connected and every receive endpoint has bound its queue. A test that publishes earlier
    /// can lose its first messages: RabbitMQ drops what reaches an exchange with no queue bound yet.
    /// </summary>
    public static Task WaitAsync(IServiceProvider services) =>
        Eventually.TrueAsync(
            () => Task.FromResult(services.GetRequiredService<IBusControl>().CheckHealth().Status == BusHealthStatus.Healthy),
            "the bus and its receive endpoints to be ready");
}
