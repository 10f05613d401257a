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
