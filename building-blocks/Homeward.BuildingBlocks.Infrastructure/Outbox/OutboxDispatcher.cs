using System.Diagnostics;
using System.Text.Json;
using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Publishes outbox rows to the broker. Each pass locks a batch of due rows in sequence order with
/// <c>FOR UPDATE SKIP LOCKED</c> (so any number of dispatchers, in any number of processes, never publish the same row
/// concurrently), publishes them with the row id as MessageId, and in the same transaction marks the published rows
/// processed and pushes failed ones back with exponential backoff. Nothing is ever deleted before it was published.
/// While a bulk write runs in the process it waits (<see cref="BulkWrites"/>), at most
/// <see cref="OutboxOptions.MaxWaitForBulkWrites"/> in all until it has caught up with the outbox again.
/// </summary>
/// <remarks>
/// Delivery is at least once: a crash between publish and commit publishes the row again, which consumers drop
/// through their inbox. A failed row waits for its retry while later rows go ahead, so consumers must not rely on
/// order across events.
/// </remarks>
public sealed partial class OutboxDispatcher(
    ServiceDatabase database,
    IBus bus,
    OutboxWakeUp wakeUp,
    BulkWrites bulkWrites,
    OutboxMetrics metrics,
    OutboxBacklogReader backlogReader,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("Homeward.Outbox");

    private readonly OutboxOptions _options = options.Value;
    private long _nextBacklogSample;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consecutiveFailures = 0;
        var waitedForBulkWrites = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The wait allowed is shared by all bulk writes until the outbox is caught up again, so that imports
                // following one another cannot hold events back for longer than it.
                if (waitedForBulkWrites < _options.MaxWaitForBulkWrites)
                {
                    var waitStarted = clock.GetTimestamp();
                    await bulkWrites.WaitWhileRunningAsync(_options.MaxWaitForBulkWrites - waitedForBulkWrites, clock, stoppingToken);
                    waitedForBulkWrites += clock.GetElapsedTime(waitStarted);
                }

                var dispatched = await DispatchBatchAsync(stoppingToken);
                await SampleBacklogWhenDueAsync(stoppingToken);
                consecutiveFailures = 0;
                if (dispatched == _options.BatchSize)
                {
                    continue;
                }

                waitedForBulkWrites = TimeSpan.Zero;

                await wakeUp.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is unreachable or a pass failed as a whole: nothing was marked, so nothing is lost.
                consecutiveFailures++;
                var delay = Backoff(consecutiveFailures);
                LogPassFailed(logger, exception, delay.TotalSeconds);
                await wakeUp.WaitAsync(delay, stoppingToken);
            }
        }
    }

    /// <summary>Runs one dispatch pass and returns how many rows it took (published or failed).</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OutboxDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rows = await LockDueRowsAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var errors = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));

        var published = new List<Guid>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (errors[i] is { } error)
            {
                await DeferAsync(connection, transaction, rows[i], error, cancellationToken);
            }
            else
            {
                published.Add(rows[i].Id);
            }
        }

        await MarkProcessedAsync(connection, transaction, published, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        metrics.Published(published.Count);
        if (published.Count < rows.Count)
        {
            metrics.Failed(rows.Count - published.Count);
            LogPublishFailures(logger, rows.Count - published.Count, rows.Count);
        }

        return rows.Count;
    }

    private async Task<List<PendingRow>> LockDueRowsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
             SELECT id, type, payload, headers, attempts
             FROM {database.Table("outbox_messages")}
             WHERE processed_at IS NULL AND next_attempt_at <= now()
             ORDER BY seq
             LIMIT $1
             FOR UPDATE SKIP LOCKED
             """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PendingRow>(_options.BatchSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The JSON as the UTF-8 bytes it arrives in: the serializer reads them without a string in between.
            rows.Add(new PendingRow(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <summary>Publishes one row; returns null on success or the reason it failed.</summary>
    private async Task<string?> PublishAsync(PendingRow row, CancellationToken cancellationToken)
    {
        try
        {
            var headers = JsonSerializer.Deserialize<OutboxHeaders>(row.Headers, IntegrationEventTypes.SerializerOptions);
            ActivityContext.TryParse(headers?.TraceParent, headers?.TraceState, out var parent);
            using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, parent);
            activity?.SetTag("messaging.message.id", row.Id);
            activity?.SetTag("messaging.message.type", row.Type);

            var messageType = IntegrationEventTypes.TypeFor(row.Type);
            var message = JsonSerializer.Deserialize(row.Payload, messageType, IntegrationEventTypes.SerializerOptions)
                ?? throw new JsonException("The payload is empty.");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(
                message,
                messageType,
                Pipe.Execute<PublishContext>(context =>
                {
                    context.MessageId = row.Id;
                    if (headers?.CorrelationId is { } correlationId)
                    {
                        context.Headers.Set(MessagingHeaders.CorrelationId, correlationId);
                        if (Guid.TryParse(correlationId, out var correlationGuid))
                        {
                            context.CorrelationId = correlationGuid;
                        }
                    }
                }),
                timeout.Token);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private async Task DeferAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        PendingRow row,
        string error,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
             UPDATE {database.Table("outbox_messages")}
             SET attempts = attempts + 1, next_attempt_at = now() + $2, last_error = $3
             WHERE id = $1
             """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = row.Id });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Backoff(row.Attempts + 1) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error.Length > 2000 ? error[..2000] : error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MarkProcessedAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        List<Guid> ids,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"UPDATE {database.Table("outbox_messages")} SET processed_at = now() WHERE id = ANY($1)",
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task SampleBacklogWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (now < _nextBacklogSample)
        {
            return;
        }

        _nextBacklogSample = now + (long)(_options.BacklogSampleInterval.TotalSeconds * clock.TimestampFrequency);
        await backlogReader.ReadAsync(cancellationToken);
    }

    /// <summary>Exponential backoff from the minimum delay, capped, with up to 20% jitter so retries spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 20);
        var delay = Math.Min(_options.MinRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch pass failed; next pass in {DelaySeconds:0.0} s")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {Total} outbox events could not be published and will be retried")]
    private static partial void LogPublishFailures(ILogger logger, int failed, int total);

    private sealed record PendingRow(Guid Id, string Type, byte[] Payload, byte[] Headers, int Attempts);
}
