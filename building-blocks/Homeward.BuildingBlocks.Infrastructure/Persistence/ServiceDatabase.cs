using Npgsql;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

/// <summary>The service's schema and connection pool, for the parts that talk SQL directly (outbox, housekeeping).</summary>
public sealed record ServiceDatabase(string Schema, NpgsqlDataSource DataSource)
{
    /// <summary>A table of the service's schema, quoted for use in SQL text.</summary>
    public string Table(string name) => $"\"{Schema}\".\"{name}\"";
}
