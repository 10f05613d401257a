using System.Diagnostics;
using Npgsql;

namespace Homeward.LoadDriver;

/// <summary>One reading of the pipeline, taken every second during a run.</summary>
/// <param name="At">Stopwatch timestamp of the reading.</param>
/// <param name="Pending">Registry outbox rows not yet published (<c>processed_at IS NULL</c>).</param>
/// <param name="Applied">JobMatching inbox rows of the consumer received since the run started.</param>
/// <param name="Acknowledged">Events the driver had seen committed at that moment.</param>
public sealed record BacklogSample(long At, long Pending, long Applied, long Acknowledged);

/// <summary>
/// Samples the registry's outbox backlog once a second over the superuser connection, and how far JobMatching's
/// consumer has got, so a run shows whether the dispatcher and the consumer keep up or fall behind.
/// </summary>
public sealed class BacklogSampler(NpgsqlDataSource admin, string consumer, DateTimeOffset since, Func<long> acknowledged)
{
    private readonly List<BacklogSample> _samples = [];

    public IReadOnlyList<BacklogSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await admin.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM registry.outbox_messages WHERE processed_at IS NULL),
                   (SELECT count(*) FROM jobmatching.inbox_messages WHERE consumer = $1 AND received_at >= $2)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since });
        await command.PrepareAsync(cancellationToken);

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                var acknowledgedBefore = acknowledged();
                var at = Stopwatch.GetTimestamp();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var sample = new BacklogSample(at, reader.GetInt64(0), reader.GetInt64(1), acknowledgedBefore);
                lock (_samples)
                {
                    _samples.Add(sample);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
