using System.Collections.Concurrent;
using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Contracts.Registry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Tests.Probe;

/// <summary>Applies each WorkerRegistered by writing one effect row, through the inbox like every real consumer.</summary>
public sealed class ProbeEffectConsumer(ProbeDbContext db, ILogger<ProbeEffectConsumer> logger) : InboxConsumer<WorkerRegistered>(db, logger)
{
    protected override Task ApplyAsync(WorkerRegistered message, ConsumeContext<WorkerRegistered> context)
    {
        db.Effects.Add(new ProbeEffect { WorkerId = message.WorkerId, MessageId = context.MessageId!.Value, Consumer = nameof(ProbeEffectConsumer) });
        return Task.CompletedTask;
    }
}

/// <summary>Applies batches of WorkerRegistered through the batch inbox, one effect row per message applied.</summary>
public sealed class ProbeBatchEffectConsumer(ProbeDbContext db, ILogger logger) : InboxBatchConsumer<WorkerRegistered>(db, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<WorkerRegistered> messages, CancellationToken cancellationToken)
    {
        // The probe publishes every event with its EventId as the MessageId, so the effect can name its message.
        db.Effects.AddRange(messages.Select(m => new ProbeEffect { WorkerId = m.WorkerId, MessageId = m.EventId, Consumer = nameof(ProbeBatchEffectConsumer) }));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Notes the message ids of each batch as delivered, duplicates included, then hands the batch to the inbox consumer.
/// Consume observers see the single messages that make up a batch, not the batch, so the test looks from here.
/// </summary>
public sealed class RecordedBatchConsumer(ProbeDbContext db, ILogger<ProbeBatchEffectConsumer> logger, BatchRecorder recorder)
    : IConsumer<Batch<WorkerRegistered>>
{
    public Task Consume(ConsumeContext<Batch<WorkerRegistered>> context)
    {
        recorder.Batches.Enqueue([.. context.Message.Select(m => m.MessageId ?? Guid.Empty)]);
        return new ProbeBatchEffectConsumer(db, logger).Consume(context);
    }
}

/// <summary>The batch waits up to a second for more messages, so that messages published together reliably share a batch.</summary>
public sealed class RecordedBatchConsumerDefinition : ConsumerDefinition<RecordedBatchConsumer>
{
    public const int BatchSize = 20;

    public RecordedBatchConsumerDefinition() => Endpoint(endpoint => endpoint.PrefetchCount = BatchSize);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordedBatchConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(BatchSize).SetTimeLimit(TimeSpan.FromSeconds(1)));
}

/// <summary>The message ids of every batch the batch consumer was given.</summary>
public sealed class BatchRecorder
{
    public ConcurrentQueue<IReadOnlyList<Guid>> Batches { get; } = new();
}

/// <summary>A consumer whose effect always fails, to prove that such messages end in the error queue and stay there.</summary>
public sealed class AlwaysFailingConsumer(ProbeDbContext db, ILogger<AlwaysFailingConsumer> logger) : InboxConsumer<WorkerRegistered>(db, logger)
{
    protected override Task ApplyAsync(WorkerRegistered message, ConsumeContext<WorkerRegistered> context) =>
        throw new InvalidOperationException("This consumer rejects every message.");
}

/// <summary>Counts every delivery by message id, before any de-duplication, to see what the broker actually delivered.</summary>
public sealed class DeliveryCounter : IConsumeObserver
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            Deliveries.AddOrUpdate(id, 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
