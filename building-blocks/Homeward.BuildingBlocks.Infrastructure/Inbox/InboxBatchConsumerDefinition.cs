using MassTransit;

namespace Homeward.BuildingBlocks.Infrastructure.Inbox;

/// <summary>
/// How an <see cref="InboxBatchConsumer{TMessage}"/> receives: batches of up to <c>messageLimit</c> messages, or what
/// arrived within 5 ms; two batches at a time, so one waits on the database while the next is gathered. Under load the
/// next batch fills while the database works, so batches grow by themselves; a longer wait would only add latency at
/// low rates (20 ms put the p99 of commit → effect at 100 events/s above 50 ms, docs/benchmarks.md). Two batches that
/// both create the same row collide on its key; the loser is retried and then finds the row.
/// </summary>
public abstract class InboxBatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly int _messageLimit;

    protected InboxBatchConsumerDefinition(int messageLimit)
    {
        _messageLimit = messageLimit;
        Endpoint(endpoint => endpoint.PrefetchCount = 2 * messageLimit);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_messageLimit)
            .SetTimeLimit(TimeSpan.FromMilliseconds(5))
            .SetConcurrencyLimit(2));
}
