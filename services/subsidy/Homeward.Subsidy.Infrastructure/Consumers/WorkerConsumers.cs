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

/// <summary>
/// Batches of up to <see cref="BatchSize"/> messages, or what arrived within 5 ms, two at a time (as JobMatching's
/// candidate consumers). Two batches that both create the same worker collide on its key; the loser is retried and
/// then finds the worker.
/// </summary>
public sealed class WorkerEventConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int BatchSize = 100;

    public WorkerEventConsumerDefinition() => Endpoint(endpoint => endpoint.PrefetchCount = 2 * BatchSize);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(5))
            .SetConcurrencyLimit(2));
}
