using Homeward.Contracts;
using Homeward.Registry.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>Finds the worker an event of another service is about, for a change.</summary>
internal static partial class PlatformWorkers
{
    /// <summary>
    /// The worker, or null when the registry does not know them (a test record of the producer, a record since
    /// removed): then nothing is recorded and the event is done with, since retrying would not make the worker appear.
    /// </summary>
    public static async Task<Worker?> FindAsync(IRegistryDbContext db, Guid workerId, IIntegrationEvent integrationEvent, ILogger logger, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.FirstOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
        {
            LogUnknownWorker(logger, integrationEvent.GetType().Name, integrationEvent.EventId, workerId);
        }

        return worker;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} {EventId} is about worker {WorkerId}, who is not in the registry; nothing was recorded")]
    private static partial void LogUnknownWorker(ILogger logger, string @event, Guid eventId, Guid workerId);
}
