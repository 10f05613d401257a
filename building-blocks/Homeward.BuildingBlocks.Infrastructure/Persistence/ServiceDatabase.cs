using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The service's schema and connection pools, for the parts that talk SQL directly. <see cref="DataSource"/> is the pool
/// requests share; <see cref="OutboxDataSource"/> is a small pool of its own for publishing events, so that the
/// dispatcher never queues behind a burst of requests holding every connection. The outbox pool is owned here and
/// closed with it; the shared pool belongs to the container.
/// </summary>
public sealed record ServiceDatabase(string Schema, NpgsqlDataSource DataSource, NpgsqlDataSource OutboxDataSource)
    : IAsyncDisposable, IDisposable
{
    /// <summary>A table of the service's schema, quoted for use in SQL text.</summary>
    public string Table(string name) => $"\"{Schema}\".\"{name}\"";

    public ValueTask DisposeAsync() => OutboxDataSource.DisposeAsync();

    public void Dispose() => OutboxDataSource.Dispose();
}
