using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.JobMatching.Infrastructure.Consumers;

/// <summary>Registry events that build the candidate projection, consumed in batches to keep up with mass registration.</summary>
public abstract class CandidateEventConsumer<TEvent>(JobMatchingDbContext db, ISender sender, ILogger logger)
    : InboxBatchConsumer<TEvent>(db, logger)
    where TEvent : class, IIntegrationEvent
{
    protected override async Task ApplyAsync(IReadOnlyList<TEvent> messages, CancellationToken cancellationToken) =>
        await sender.Send(new ProjectCandidateEvents(messages), cancellationToken);
}

public sealed class WorkerRegisteredConsumer(JobMatchingDbContext db, ISender sender, ILogger<WorkerRegisteredConsumer> logger)
    : CandidateEventConsumer<WorkerRegistered>(db, sender, logger);

public sealed class WorkerProfileUpdatedConsumer(JobMatchingDbContext db, ISender sender, ILogger<WorkerProfileUpdatedConsumer> logger)
    : CandidateEventConsumer<WorkerProfileUpdated>(db, sender, logger);

public sealed class EmploymentStatusChangedConsumer(JobMatchingDbContext db, ISender sender, ILogger<EmploymentStatusChangedConsumer> logger)
    : CandidateEventConsumer<EmploymentStatusChanged>(db, sender, logger);

/// <summary>Candidate events in batches of up to 500: a mass registration arrives as a backlog the COPY of a batch absorbs.</summary>
public sealed class CandidateEventConsumerDefinition<TConsumer>() : InboxBatchConsumerDefinition<TConsumer>(500)
    where TConsumer : class, IConsumer;
