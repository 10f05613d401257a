using Homeward.Contracts.JobMatching;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class PlacementEndedConsumer(RegistryDbContext db, ISender sender, ILogger<PlacementEndedConsumer> logger)
    : WorkerFactConsumer<PlacementEnded>(db, sender, logger)
{
    protected override Guid WorkerOf(PlacementEnded message) => message.WorkerId;

    protected override ICommand CommandFor(PlacementEnded message) => new RecordPlacementEnd(message);
}
