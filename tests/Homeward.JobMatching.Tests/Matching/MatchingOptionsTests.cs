using Homeward.JobMatching.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>Weights that cannot make a score stop the service when it starts, before it serves a single match.</summary>
public sealed class MatchingOptionsTests
{
    [Theory]
    [InlineData("Trade", "-5")]
    [InlineData("Wage", "NaN")]
    public async Task The_service_does_not_start_with_invalid_weights(string factor, string value)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [$"JobMatching:Matching:Weights:{factor}"] = value }));

        Assert.Contains("JobMatching:Matching:Weights", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_does_not_start_when_every_weight_is_zero()
    {
        var zero = new[] { "Trade", "Certificates", "Education", "Distance", "Wage", "Intention" }
            .ToDictionary(factor => $"JobMatching:Matching:Weights:{factor}", _ => (string?)"0");

        await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(zero));
    }

    private static async Task StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:JobMatching"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/",
        });
        // The service defaults register the clock in the real service.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddJobMatchingInfrastructure(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
