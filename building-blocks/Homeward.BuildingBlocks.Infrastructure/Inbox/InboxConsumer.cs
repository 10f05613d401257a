using Homeward.BuildingBlocks.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Infrastructure.Inbox;

/// <summary>
/// Base of every consumer: records the message in the inbox and applies its effect (including any outbox rows the
/// effect writes) in one transaction. A redelivered message finds its inbox row and does nothing; two deliveries
/// racing each other serialize on the inbox primary key, and the loser does nothing.
/// </summary>
public abstract partial class InboxConsumer<TMessage>(ServiceDbContext dbContext, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The name this consumer is recorded under; two consumers of the same message keep separate rows.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be de-duplicated.");
        var cancellationToken = context.CancellationToken;

        await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The schema is the service's own constant, never input; the values are parameters.
            var recordReceipt = "INSERT INTO \"" + dbContext.Schema + "\".inbox_messages (message_id, consumer, received_at) "
                + "VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING";
            var inserted = await dbContext.Database.ExecuteSqlRawAsync(recordReceipt, [messageId, ConsumerName], cancellationToken);
            if (inserted == 0)
            {
                LogDuplicate(logger, typeof(TMessage).Name, messageId, ConsumerName);
                return;
            }

            await ApplyAsync(context.Message, context);
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

    /// <summary>Applies the message's effect through the DbContext; the base saves and commits.</summary>
    protected abstract Task ApplyAsync(TMessage message, ConsumeContext<TMessage> context);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{MessageType} {MessageId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId, string consumer);
}
