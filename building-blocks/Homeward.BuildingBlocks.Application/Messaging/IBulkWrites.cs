namespace Homeward.BuildingBlocks.Application.Messaging;

/// <summary>
/// Marks a bulk write — an imported ledger that stores many records and their events — as running, so that the
/// outbox dispatcher of this process publishes its events after it instead of competing with it for the CPU and the
/// database. The dispatcher waits at most <c>Outbox:MaxWaitForBulkWrites</c> for bulk writes until it has caught up
/// with the outbox again, so neither a long bulk write nor many in a row hold events back for longer.
/// </summary>
public interface IBulkWrites
{
    /// <summary>Begins a bulk write; disposing the result ends it. Bulk writes may overlap.</summary>
    IDisposable Begin();
}
