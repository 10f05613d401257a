using Homeward.BuildingBlocks.Infrastructure.Inbox;
using Homeward.Contracts.Registry;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.JobMatching.Infrastructure.Consumers;

public sealed class WorkerProfileUpdatedConsumer(JobMatchingDbContext db, ISender sender, ILogger<WorkerProfileUpdatedConsumer> logger)
    : InboxConsumer<WorkerProfileUpdated>(db, logger)
{
    protected override async Task ApplyAsync(WorkerProfileUpdated message, ConsumeContext<WorkerProfileUpdated> context) =>
        await sender.Send(new ProjectWorkerProfileUpdate(message), context.CancellationToken);
}
