using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Registry.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

/// <summary>
/// A consumer of another service's event about one worker. Facts about the same worker are applied one at a time,
/// whichever consumer takes them: the worker's row is locked first, so that an end and its start arriving together
/// cannot both decide without seeing the other.
/// </summary>
public abstract class WorkerFactConsumer<TMessage> : InboxConsumer<TMessage>
    where TMessage : class
{
    private readonly RegistryDbContext _db;
    private readonly ISender _sender;

    protected WorkerFactConsumer(RegistryDbContext db, ISender sender, ILogger logger)
        : base(db, logger)
    {
        _db = db;
        _sender = sender;
    }

    protected abstract Guid WorkerOf(TMessage message);

    protected abstract ICommand CommandFor(TMessage message);

    protected override async Task ApplyAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        await _db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM registry.workers WHERE id = {WorkerOf(message)} FOR UPDATE",
            context.CancellationToken);
        await _sender.Send(CommandFor(message), context.CancellationToken);
    }
}
