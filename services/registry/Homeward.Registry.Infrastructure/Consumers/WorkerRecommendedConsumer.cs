using Homeward.Contracts.JobMatching;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class WorkerRecommendedConsumer(RegistryDbContext db, ISender sender, ILogger<WorkerRecommendedConsumer> logger)
    : WorkerFactConsumer<WorkerRecommended>(db, sender, logger)
{
    protected override Guid WorkerOf(WorkerRecommended message) => message.WorkerId;

    protected override ICommand CommandFor(WorkerRecommended message) => new RecordRecommendation(message);
}
