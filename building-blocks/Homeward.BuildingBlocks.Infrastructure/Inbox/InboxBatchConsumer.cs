using Homeward.BuildingBlocks.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Infrastructure.Inbox;

/// <summary>
/// The inbox rule of <see cref="InboxConsumer{TMessage}"/>, for a batch: one statement records every message of the
/// batch in the inbox and returns those not recorded before; only they are applied, and the inbox rows, the effect
/// and any outbox rows commit in one transaction. A redelivered message (alone or in another batch) finds its row
/// and does nothing; a failure rolls the whole batch back and the retry starts from the database. The batch trades
/// per-message isolation for throughput: a message that keeps failing sends its whole batch to the _error queue.
/// </summary>
public abstract partial class InboxBatchConsumer<TMessage>(ServiceDbContext dbContext, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
{
    /// <summary>
    /// The name the inbox records. Keep it equal to that of a single-message consumer a batch consumer replaces, so
    /// the messages that consumer already applied still count as applied.
    /// </summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var cancellationToken = context.CancellationToken;
        var messages = new Dictionary<Guid, TMessage>();
        foreach (var message in context.Message)
        {
            var messageId = message.MessageId
                ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be de-duplicated.");

            // The same message twice in one batch (a redelivery that overtook the first) is applied once.
            messages.TryAdd(messageId, message.Message);
        }

        await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The schema is the service's own constant, never input; the values are parameters.
            var recordReceipts = "INSERT INTO \"" + dbContext.Schema + "\".inbox_messages (message_id, consumer, received_at) "
                + "SELECT id, {1}, now() FROM unnest({0}) AS id ON CONFLICT DO NOTHING RETURNING message_id AS \"Value\"";
            var fresh = (await dbContext.Database
                    .SqlQueryRaw<Guid>(recordReceipts, messages.Keys.ToArray(), ConsumerName)
                    .ToListAsync(cancellationToken))
                .ToHashSet();
            if (fresh.Count < messages.Count)
            {
                LogDuplicates(logger, messages.Count - fresh.Count, typeof(TMessage).Name, ConsumerName);
            }

            if (fresh.Count > 0)
            {
                await ApplyAsync([.. messages.Where(m => fresh.Contains(m.Key)).Select(m => m.Value)], cancellationToken);
            }

            await dbContext.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The retry that follows must start from the database, not from half-applied tracked entities.
            dbContext.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Applies the messages not applied before through the DbContext; the base saves and commits.</summary>
    protected abstract Task ApplyAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} {MessageType} messages were already applied by {Consumer}; skipped")]
    private static partial void LogDuplicates(ILogger logger, int count, string messageType, string consumer);
}
