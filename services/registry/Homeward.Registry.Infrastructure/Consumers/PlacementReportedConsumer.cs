using Homeward.Contracts.JobMatching;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class PlacementReportedConsumer(RegistryDbContext db, ISender sender, ILogger<PlacementReportedConsumer> logger)
    : WorkerFactConsumer<PlacementReported>(db, sender, logger)
{
    protected override Guid WorkerOf(PlacementReported message) => message.WorkerId;

    protected override ICommand CommandFor(PlacementReported message) => new RecordPlacementReport(message);
}
