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

/// <summary>
/// Batches of up to <see cref="BatchSize"/> messages, or what arrived within 5 ms; two batches at a time, so one
/// waits on the database while the next is gathered. Under load the next batch fills while the database works, so
/// batches grow by themselves; a longer wait would only add latency at low rates (20 ms put the p99 of commit →
/// effect at 100 events/s above 50 ms, docs/benchmarks.md). Two batches that both create the same candidate collide on its
/// key; the loser is retried and then finds the candidate.
/// </summary>
public sealed class CandidateEventConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int BatchSize = 500;

    public CandidateEventConsumerDefinition() => Endpoint(endpoint => endpoint.PrefetchCount = 2 * BatchSize);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(5))
            .SetConcurrencyLimit(2));
}
