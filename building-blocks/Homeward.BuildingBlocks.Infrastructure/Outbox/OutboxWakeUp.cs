using System.Threading.Channels;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as a transaction that wrote outbox rows has committed, so events leave within
/// milliseconds instead of waiting for the next poll. Signals coalesce: many commits during one dispatch cause one
/// more pass, not many.
/// </summary>
public sealed class OutboxWakeUp
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signals.Writer.TryWrite(true);

    /// <summary>Waits for a signal or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _signals.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: look anyway, another process may have written rows.
        }
    }
}
