using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Deletes what is no longer needed: published outbox rows, inbox rows older than any possible redelivery, and
/// expired idempotency records. Pending outbox rows are never touched. Deletes run in small batches so cleanup never
/// holds long locks.
/// </summary>
public sealed partial class OutboxHousekeeping(
    ServiceDatabase database,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxHousekeeping> logger) : BackgroundService
{
    private const int DeleteBatch = 5000;
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.CleanupInterval, clock);
        do
        {
            try
            {
                var deleted = await CleanUpAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogCleaned(logger, deleted);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }
        }
        while (await WaitForNextPassAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitForNextPassAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Runs one cleanup pass and returns the number of rows deleted.</summary>
    public async Task<long> CleanUpAsync(CancellationToken cancellationToken)
    {
        var deleted = 0L;
        deleted += await DeleteOlderThanAsync("outbox_messages", "id", "processed_at", _options.ProcessedRetention, cancellationToken);
        deleted += await DeleteOlderThanAsync("inbox_messages", "message_id, consumer", "received_at", _options.InboxRetention, cancellationToken);
        deleted += await DeleteOlderThanAsync("idempotent_requests", "client, key", "created_at", _options.IdempotencyRetention, cancellationToken);
        return deleted;
    }

    private async Task<long> DeleteOlderThanAsync(
        string table,
        string key,
        string timeColumn,
        TimeSpan retention,
        CancellationToken cancellationToken)
    {
        var total = 0L;
        int deleted;
        do
        {
            await using var command = database.OutboxDataSource.CreateCommand(
                $"""
                 DELETE FROM {database.Table(table)} WHERE ({key}) IN (
                     SELECT {key} FROM {database.Table(table)} WHERE {timeColumn} < now() - $1 LIMIT {DeleteBatch})
                 """);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == DeleteBatch);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping deleted {Rows} expired outbox, inbox and idempotency rows")]
    private static partial void LogCleaned(ILogger logger, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping pass failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
