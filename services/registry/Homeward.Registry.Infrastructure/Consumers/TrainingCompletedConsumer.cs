using Homeward.Contracts.Training;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class TrainingCompletedConsumer(RegistryDbContext db, ISender sender, ILogger<TrainingCompletedConsumer> logger)
    : WorkerFactConsumer<TrainingCompleted>(db, sender, logger)
{
    protected override Guid WorkerOf(TrainingCompleted message) => message.WorkerId;

    protected override ICommand CommandFor(TrainingCompleted message) => new RecordTrainingCompletion(message);
}
