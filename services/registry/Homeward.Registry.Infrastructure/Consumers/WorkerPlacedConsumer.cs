using Homeward.Contracts.JobMatching;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class WorkerPlacedConsumer(RegistryDbContext db, ISender sender, ILogger<WorkerPlacedConsumer> logger)
    : WorkerFactConsumer<WorkerPlaced>(db, sender, logger)
{
    protected override Guid WorkerOf(WorkerPlaced message) => message.WorkerId;

    protected override ICommand CommandFor(WorkerPlaced message) => new RecordPlacement(message);
}
