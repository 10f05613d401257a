using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.Subsidy;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A worker's business was registered: self-employed as of its registration day (see <see cref="PlatformStatusFacts"/>).
/// </summary>
public sealed record RecordBusinessRegistration(BusinessRegistered Event) : ICommand;

public sealed class RecordBusinessRegistrationHandler(IRegistryDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RecordBusinessRegistrationHandler> logger)
    : ICommandHandler<RecordBusinessRegistration>
{
    public async ValueTask<Unit> Handle(RecordBusinessRegistration command, CancellationToken cancellationToken)
    {
        var registered = command.Event;
        if (await PlatformWorkers.FindAsync(db, registered.FounderWorkerId, registered, logger, cancellationToken) is { } worker)
        {
            await new PlatformStatusFacts(db, outbox, clock.GetUtcNow())
                .StartAsync(worker, PlatformActivity.Business(registered.BusinessId), EmploymentStatus.SelfEmployed, registered.RegisteredOn, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
