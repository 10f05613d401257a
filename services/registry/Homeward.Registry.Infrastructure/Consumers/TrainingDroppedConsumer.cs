using Homeward.Contracts.Training;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class TrainingDroppedConsumer(RegistryDbContext db, ISender sender, ILogger<TrainingDroppedConsumer> logger)
    : WorkerFactConsumer<TrainingDropped>(db, sender, logger)
{
    protected override Guid WorkerOf(TrainingDropped message) => message.WorkerId;

    protected override ICommand CommandFor(TrainingDropped message) => new RecordTrainingDrop(message);
}
