using Homeward.Contracts.Training;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class TrainingEnrolledConsumer(RegistryDbContext db, ISender sender, ILogger<TrainingEnrolledConsumer> logger)
    : WorkerFactConsumer<TrainingEnrolled>(db, sender, logger)
{
    protected override Guid WorkerOf(TrainingEnrolled message) => message.WorkerId;

    protected override ICommand CommandFor(TrainingEnrolled message) => new RecordTrainingEnrollment(message);
}
