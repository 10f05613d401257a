using System.Diagnostics;
using System.Globalization;
using Homeward.Contracts.Registry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.LoadDriver;

/// <param name="Events">How many WorkerRegistered events to publish.</param>
/// <param name="Broker">amqp://user:password@host:port/virtual-host of the RabbitMQ the consumer listens on.</param>
/// <param name="InFlight">How many publishes wait for their broker confirmation at once.</param>
public sealed record PublishOptions(int Events, Uri Broker, int InFlight);

/// <summary>
/// Publishes synthetic WorkerRegistered events of Homeward.Contracts through MassTransit, as the registry's outbox
/// dispatcher does: durable, with publisher confirmations, the event id as MessageId, the contract's URN and exchange.
/// Whatever queue is bound to the event's exchange (JobMatching's candidate consumer) receives them; with the consumer
/// stopped they wait in its queue, which is how the ingest benchmark pre-loads a backlog.
/// </summary>
public static class WorkerRegisteredPublisher
{
    public static async Task<int> RunAsync(PublishOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddMassTransit(bus =>
        {
            // As in the services: no usage reports to the library's vendor.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            bus.UsingRabbitMq((_, rabbit) =>
            {
                var userInfo = Uri.UnescapeDataString(options.Broker.UserInfo).Split(':', 2);
                var virtualHost = Uri.UnescapeDataString(options.Broker.AbsolutePath.Trim('/'));
                rabbit.Host(
                    options.Broker.Host,
                    options.Broker.IsDefaultPort ? (ushort)5672 : (ushort)options.Broker.Port,
                    virtualHost.Length == 0 ? "/" : virtualHost,
                    host =>
                    {
                        host.Username(userInfo[0]);
                        host.Password(userInfo.Length > 1 ? userInfo[1] : string.Empty);
                    });
            });
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellationToken);
        try
        {
            var workers = new SyntheticWorkers();
            var market = new SyntheticJobMarket(new Random());
            using var slots = new SemaphoreSlim(options.InFlight);
            var pending = new List<Task>(options.InFlight * 2);
            var failures = 0;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < options.Events; i++)
            {
                var worker = workers.Next();
                var occurredAt = DateTimeOffset.UtcNow;
                var message = new WorkerRegistered(
                    Guid.CreateVersion7(occurredAt),
                    occurredAt,
                    Guid.CreateVersion7(occurredAt),
                    worker.Name,
                    worker.Gender,
                    worker.BirthDate,
                    worker.HouseholdDivision,
                    market.NextFacts());
                await slots.WaitAsync(cancellationToken);
                pending.Add(PublishAsync(bus, message, slots, () => Interlocked.Increment(ref failures), cancellationToken));
                if (pending.Count >= options.InFlight * 2)
                {
                    pending.RemoveAll(t => t.IsCompleted);
                }

                if ((i + 1) % 50_000 == 0)
                {
                    output.WriteLine(Format($"  {i + 1} published, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
                    output.Flush();
                }
            }

            await Task.WhenAll(pending);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine(Format($"published {options.Events - failures} WorkerRegistered events in {seconds:0.0} s ({(options.Events - failures) / seconds:0} events/s), {failures} failed"));
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task PublishAsync(IBus bus, WorkerRegistered message, SemaphoreSlim slots, Action failed, CancellationToken cancellationToken)
    {
        try
        {
            await bus.Publish(message, context => context.MessageId = message.EventId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failed();
            await Console.Error.WriteLineAsync($"publish failed: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            slots.Release();
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
