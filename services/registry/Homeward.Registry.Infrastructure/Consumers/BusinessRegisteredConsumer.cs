using Homeward.Contracts.Subsidy;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class BusinessRegisteredConsumer(RegistryDbContext db, ISender sender, ILogger<BusinessRegisteredConsumer> logger)
    : WorkerFactConsumer<BusinessRegistered>(db, sender, logger)
{
    protected override Guid WorkerOf(BusinessRegistered message) => message.FounderWorkerId;

    protected override ICommand CommandFor(BusinessRegistered message) => new RecordBusinessRegistration(message);
}
