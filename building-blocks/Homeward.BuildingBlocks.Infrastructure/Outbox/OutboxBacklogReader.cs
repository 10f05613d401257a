using Homeward.BuildingBlocks.Infrastructure.Persistence;

namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Measures the outbox backlog (served by the partial index on pending rows) and feeds the gauges.</summary>
public sealed class OutboxBacklogReader(ServiceDatabase database, OutboxMetrics metrics)
{
    public async Task<OutboxBacklog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = database.OutboxDataSource.CreateCommand(
            $"SELECT count(*), now() - min(occurred_at) FROM {database.Table("outbox_messages")} WHERE processed_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var backlog = new OutboxBacklog(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<TimeSpan>(1));
        metrics.Record(backlog);
        return backlog;
    }
}
