using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Contracts;
using Homeward.Contracts.JobMatching;
using Homeward.Contracts.Registry;
using Homeward.Training.Application.Demand;
using Homeward.Training.Application.Outcomes;
using Homeward.Training.Application.Workers;
using Homeward.Training.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Training.Infrastructure.Consumers;

/// <summary>Registry events that build the worker projection, consumed in batches to keep up with mass registration.</summary>
public abstract class WorkerEventConsumer<TEvent>(TrainingDbContext db, ISender sender, ILogger logger)
    : InboxBatchConsumer<TEvent>(db, logger)
    where TEvent : class, IIntegrationEvent
{
    protected override async Task ApplyAsync(IReadOnlyList<TEvent> messages, CancellationToken cancellationToken) =>
        await sender.Send(new ProjectWorkerEvents(messages), cancellationToken);
}

public sealed class WorkerRegisteredConsumer(TrainingDbContext db, ISender sender, ILogger<WorkerRegisteredConsumer> logger)
    : WorkerEventConsumer<WorkerRegistered>(db, sender, logger);

public sealed class WorkerProfileUpdatedConsumer(TrainingDbContext db, ISender sender, ILogger<WorkerProfileUpdatedConsumer> logger)
    : WorkerEventConsumer<WorkerProfileUpdated>(db, sender, logger);

public sealed class EmploymentStatusChangedConsumer(TrainingDbContext db, ISender sender, ILogger<EmploymentStatusChangedConsumer> logger)
    : WorkerEventConsumer<EmploymentStatusChanged>(db, sender, logger);

/// <summary>Job matching's skill gaps: demand for training.</summary>
public sealed class SkillGapIdentifiedConsumer(TrainingDbContext db, ISender sender, ILogger<SkillGapIdentifiedConsumer> logger)
    : InboxBatchConsumer<SkillGapIdentified>(db, logger)
{
    protected override async Task ApplyAsync(IReadOnlyList<SkillGapIdentified> messages, CancellationToken cancellationToken) =>
        await sender.Send(new RecordSkillGaps(messages), cancellationToken);
}

/// <summary>Job matching's hires: starts of work that tell what became of trainees.</summary>
public sealed class WorkerPlacedConsumer(TrainingDbContext db, ISender sender, ILogger<WorkerPlacedConsumer> logger)
    : InboxBatchConsumer<WorkerPlaced>(db, logger)
{
    protected override async Task ApplyAsync(IReadOnlyList<WorkerPlaced> messages, CancellationToken cancellationToken) =>
        await sender.Send(new RecordPlacements(messages), cancellationToken);
}

/// <summary>Training's projections in batches of up to 100.</summary>
public sealed class BatchConsumerDefinition<TConsumer>() : InboxBatchConsumerDefinition<TConsumer>(100)
    where TConsumer : class, IConsumer;
