using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Contracts.Registry;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.JobMatching.Infrastructure.Consumers;

public sealed class WorkerRegisteredConsumer(JobMatchingDbContext db, ISender sender, ILogger<WorkerRegisteredConsumer> logger)
    : InboxConsumer<WorkerRegistered>(db, logger)
{
    protected override async Task ApplyAsync(WorkerRegistered message, ConsumeContext<WorkerRegistered> context) =>
        await sender.Send(new ProjectWorkerRegistration(message), context.CancellationToken);
}
