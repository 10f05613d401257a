using Homeward.Subsidy.Application.Outreach;
using Homeward.Subsidy.Domain.Outreach;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.Subsidy.Infrastructure.Outreach;

/// <summary>
/// One INSERT … SELECT FROM unnest(…) per batch, on a connection of its own from the service's pool: an outreach run
/// makes hundreds of thousands of notifications, which tracked entities would insert row by row, and with a connection
/// of its own a batch is written while the run reads and evaluates the next workers, and two batches are written at once.
/// Each statement commits by itself; ON CONFLICT DO NOTHING skips the entries an event or another run made meanwhile.
/// </summary>
internal sealed class NotificationStore(NpgsqlDataSource database) : INotificationStore
{
    private const string Insert =
        """
        INSERT INTO subsidy.funnel_entries (worker_id, policy_id, division, notified_version, notified_at)
        SELECT * FROM unnest($1, $2, $3, $4, $5)
        ON CONFLICT (worker_id, policy_id) DO NOTHING
        """;

    public async Task<int> AddAsync(IReadOnlyList<FunnelEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var workers = new Guid[entries.Count];
        var policies = new Guid[entries.Count];
        var divisions = new string[entries.Count];
        var versions = new int[entries.Count];
        var times = new DateTime[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            workers[i] = entry.WorkerId;
            policies[i] = entry.PolicyId;
            divisions[i] = entry.Division;
            versions[i] = entry.NotifiedVersion ?? throw new ArgumentException("Only outreach notifications are stored in bulk.", nameof(entries));
            times[i] = entry.NotifiedAt!.Value.UtcDateTime;
        }

        await using var command = database.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = workers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = policies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = divisions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Char });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
