using System.Security.Authentication;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Infrastructure.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ for one service: endpoints named "&lt;service&gt;-&lt;consumer&gt;" so two services
    /// consuming the same event get separate queues, exponential retry before a message goes to its _error queue, and
    /// the outbox dispatcher that publishes what handlers stored.
    /// </summary>
    public static IServiceCollection AddServiceMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section));
        var broker = BrokerAddress.Parse(configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured (an amqp:// or amqps:// URI)."));

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));

            // MassTransit reports usage to its vendor over the internet unless told not to; a public service does not
            // call out, and the machines it runs on may not reach the internet at all.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                ConfigureHost(rabbit, broker);
                rabbit.PrefetchCount = options.PrefetchCount;
                if (options.QuorumQueues)
                {
                    rabbit.SetQuorumQueue();
                }

                rabbit.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    options.RetryLimit,
                    options.RetryMinInterval,
                    options.RetryMaxInterval,
                    options.RetryMinInterval));
                rabbit.ConfigureEndpoints(context);
            });
        });

        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<OutboxListener>();
        return services;
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, BrokerAddress broker) =>
        rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
        {
            if (broker.UserName is { } userName)
            {
                host.Username(userName);
                host.Password(broker.Password);
            }

            if (broker.UseTls)
            {
                host.UseSsl(tls =>
                {
                    tls.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                    tls.ServerName = broker.Host;
                });
            }
        });
}
