using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.Contracts.Training;
using Homeward.Subsidy.Application.Workers;
using Homeward.Subsidy.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Subsidy.Infrastructure.Consumers;

/// <summary>Registry and training events that build the worker facts, consumed in batches to keep up with mass registration.</summary>
public abstract class WorkerEventConsumer<TEvent>(SubsidyDbContext db, ISender sender, ILogger logger)
    : InboxBatchConsumer<TEvent>(db, logger)
    where TEvent : class, IIntegrationEvent
{
    protected override async Task ApplyAsync(IReadOnlyList<TEvent> messages, CancellationToken cancellationToken) =>
        await sender.Send(new ProjectWorkerEvents(messages), cancellationToken);
}

public sealed class WorkerRegisteredConsumer(SubsidyDbContext db, ISender sender, ILogger<WorkerRegisteredConsumer> logger)
    : WorkerEventConsumer<WorkerRegistered>(db, sender, logger);

public sealed class WorkerProfileUpdatedConsumer(SubsidyDbContext db, ISender sender, ILogger<WorkerProfileUpdatedConsumer> logger)
    : WorkerEventConsumer<WorkerProfileUpdated>(db, sender, logger);

public sealed class EmploymentStatusChangedConsumer(SubsidyDbContext db, ISender sender, ILogger<EmploymentStatusChangedConsumer> logger)
    : WorkerEventConsumer<EmploymentStatusChanged>(db, sender, logger);

public sealed class TrainingCompletedConsumer(SubsidyDbContext db, ISender sender, ILogger<TrainingCompletedConsumer> logger)
    : WorkerEventConsumer<TrainingCompleted>(db, sender, logger);

/// <summary>The worker facts in batches of up to 100.</summary>
public sealed class WorkerEventConsumerDefinition<TConsumer>() : InboxBatchConsumerDefinition<TConsumer>(100)
    where TConsumer : class, IConsumer;
