using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Holds one connection that LISTENs on the service's outbox channel and wakes the dispatcher on every notification,
/// so rows committed by another replica are published within milliseconds. If the connection fails it is opened
/// again; meanwhile the dispatcher's poll still finds every row.
/// </summary>
public sealed partial class OutboxListener(ServiceDatabase database, OutboxWakeUp wakeUp, ILogger<OutboxListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OutboxDataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => wakeUp.Signal();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{OutboxSql.Channel(database.Schema)}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Rows may have been committed while we were not listening.
                wakeUp.Signal();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception, ReconnectDelay.TotalSeconds);
                await wakeUp.WaitAsync(ReconnectDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for outbox notifications failed; trying again in {DelaySeconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double delaySeconds);
}
