using Homeward.Registry.Application.Kpis;
using Homeward.Registry.Domain.Workers;
using Homeward.Registry.Infrastructure.Persistence;
using Homeward.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.Registry.Infrastructure.Kpis;

/// <summary>
/// The figures in two statements sent together: one pass over the division's workers grouped by status and education
/// with a filtered count per figure (the placement check is a semi-join on the status history's (worker_id,
/// changed_at) index, made only for the workers recommended in the period: a bare comparison with a worker never
/// recommended is null, which does not stop PostgreSQL from evaluating the rest of the AND, hence IS TRUE), and one
/// count of the period's verifications.
/// </summary>
internal sealed class RegistryKpis(RegistryDbContext db) : IRegistryKpis
{
    private const string Schema = RegistryDbContext.Schema;

    /// <summary>Working statuses as the status history stores them.</summary>
    private static readonly string[] Working =
        [nameof(EmploymentStatus.EmployedLocally), nameof(EmploymentStatus.EmployedElsewhere), nameof(EmploymentStatus.SelfEmployed)];

    public async Task<KpiCounts> CountAsync(
        (string First, string Last) divisionRange,
        (DateTimeOffset? From, DateTimeOffset To) period,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            batch.BatchCommands.Add(Command(
                $"""
                SELECT w.status, w.education,
                       count(*)::int,
                       count(*) FILTER (WHERE {InPeriod("w.registered_at", period)})::int,
                       count(*) FILTER (WHERE w.certificates = '[]'::jsonb)::int,
                       count(*) FILTER (WHERE {InPeriod("w.updated_at", period)})::int,
                       count(*) FILTER (WHERE {InPeriod("w.first_recommended_at", period)})::int,
                       count(*) FILTER (WHERE ({InPeriod("w.first_recommended_at", period)}) IS TRUE AND EXISTS (
                           SELECT 1 FROM {Schema}.status_changes c
                           WHERE c.worker_id = w.id
                             AND c.source = 'Platform'
                             AND c."to" = ANY(@working)
                             AND c.changed_at >= date_trunc('day', w.first_recommended_at, @city_zone)))::int
                FROM {Schema}.workers w
                WHERE w.household_division BETWEEN @first AND @last
                GROUP BY w.status, w.education
                """,
                divisionRange,
                period,
                new NpgsqlParameter("working", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Working },
                new NpgsqlParameter("city_zone", NpgsqlDbType.Text) { Value = CityCalendar.TimeZone }));
            batch.BatchCommands.Add(Command(
                $"""
                SELECT count(*)::int, count(*) FILTER (WHERE v.confirmed)::int
                FROM {Schema}.verifications v
                WHERE v.household_division BETWEEN @first AND @last AND {InPeriod("v.verified_at", period)}
                """,
                divisionRange,
                period));

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var groups = new List<WorkerGroupCounts>();
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new WorkerGroupCounts(
                    Enum.Parse<EmploymentStatus>(reader.GetString(0)),
                    reader.IsDBNull(1) ? null : Enum.Parse<EducationLevel>(reader.GetString(1)),
                    reader.GetInt32(2),
                    reader.GetInt32(3),
                    reader.GetInt32(4),
                    reader.GetInt32(5),
                    reader.GetInt32(6),
                    reader.GetInt32(7)));
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new KpiCounts(groups, reader.GetInt32(0), reader.GetInt32(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string InPeriod(string column, (DateTimeOffset? From, DateTimeOffset To) period) =>
        period.From is null ? $"{column} < @to" : $"{column} >= @from AND {column} < @to";

    private static NpgsqlBatchCommand Command(
        string sql,
        (string First, string Last) divisionRange,
        (DateTimeOffset? From, DateTimeOffset To) period,
        params NpgsqlParameter[] extra)
    {
        var command = new NpgsqlBatchCommand(sql);
        // character, not text: the household division is character(12) and its index only serves bpchar comparisons.
        command.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Char) { Value = divisionRange.First });
        command.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Char) { Value = divisionRange.Last });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = period.To });
        if (period.From is { } from)
        {
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from });
        }

        command.Parameters.AddRange(extra);
        return command;
    }
}
