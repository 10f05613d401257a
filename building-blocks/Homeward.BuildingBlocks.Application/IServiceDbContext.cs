using Homeward.SharedKernel;

namespace Homeward.BuildingBlocks.Application;

/// <summary>What every use case may ask of its service's unit of work, whatever the service.</summary>
public interface IServiceDbContext
{
    /// <summary>Saves the tracked changes and queued events in one transaction.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the next save of <paramref name="aggregate"/> succeed only if it still has the row version the client
    /// read (its If-Match); otherwise the save fails and the client gets 412.
    /// </summary>
    void ExpectRowVersion(IHasRowVersion aggregate, uint rowVersion);
}
