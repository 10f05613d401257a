using System.Text;
using Homeward.Registry.Application.Search;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.Registry.Infrastructure.Search;

/// <summary>
/// The search in SQL, so that each criterion meets its index: trigram similarity (<c>%</c>, GIN <c>gin_trgm_ops</c>
/// on name and name_pinyin), the lookup hashes (B-tree), skill keys (GIN array containment) and the household
/// division range (B-tree on character(12), hence the bounds are sent as character, not text).
/// </summary>
internal sealed class WorkerSearch(RegistryDbContext db) : IWorkerSearch
{
    private const string Workers = RegistryDbContext.Schema + ".workers";

    public async Task<IReadOnlyList<WorkerSearchPosition>> FindAsync(
        WorkerSearchFilter filter,
        WorkerSearchPosition? after,
        int take,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Sql(filter, after, command.Parameters);
            command.Parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take });

            var positions = new List<WorkerSearchPosition>(take);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                positions.Add(new WorkerSearchPosition(reader.GetInt32(0), reader.GetInt32(1), reader.GetGuid(2)));
            }

            return positions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Sql(WorkerSearchFilter filter, WorkerSearchPosition? after, NpgsqlParameterCollection parameters)
    {
        var where = new StringBuilder("w.household_division BETWEEN @first AND @last");
        parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Char) { Value = filter.DivisionRange.First });
        parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Char) { Value = filter.DivisionRange.Last });

        void Condition(string sql, string name, NpgsqlDbType type, object value)
        {
            where.Append(" AND ").Append(sql);
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }

        if (filter.NationalIdHash is { } nationalIdHash)
        {
            Condition("w.national_id_lookup_hash = @national_id_hash", "national_id_hash", NpgsqlDbType.Bytea, nationalIdHash);
        }

        if (filter.PhoneHash is { } phoneHash)
        {
            Condition("w.phone_lookup_hash = @phone_hash", "phone_hash", NpgsqlDbType.Bytea, phoneHash);
        }

        if (filter.Statuses.Count > 0)
        {
            Condition("w.status = ANY(@statuses)", "statuses", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.Statuses.Select(s => s.ToString()).ToArray());
        }

        if (filter.SkillKey is { } skillKey)
        {
            Condition("w.skill_keys @> ARRAY[@skill_key]", "skill_key", NpgsqlDbType.Text, skillKey);
        }

        if (filter.Educations.Count > 0)
        {
            Condition("w.education = ANY(@educations)", "educations", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.Educations.Select(e => e.ToString()).ToArray());
        }

        // The job intention is a JSON document with camelCase enum names.
        if (filter.IntentionWhere.Count > 0)
        {
            Condition("w.job_intention->>'where' = ANY(@intention_where)", "intention_where", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.IntentionWhere.Select(WorkerFactsMapper.Name).ToArray());
        }

        if (filter.IntentionTrade is { } intentionTrade)
        {
            Condition("w.job_intention->'trades' @> jsonb_build_array(@intention_trade)", "intention_trade", NpgsqlDbType.Text, intentionTrade);
        }

        if (filter.ReturnedFrom is { } returnedFrom)
        {
            Condition("w.returned_on >= @returned_from", "returned_from", NpgsqlDbType.Date, returnedFrom);
        }

        if (filter.ReturnedTo is { } returnedTo)
        {
            Condition("w.returned_on <= @returned_to", "returned_to", NpgsqlDbType.Date, returnedTo);
        }

        if (filter.Name is not { } name)
        {
            if (after is not null)
            {
                Condition("w.id > @after_id", "after_id", NpgsqlDbType.Uuid, after.Id);
            }

            return $"SELECT 0, 0, w.id FROM {Workers} w WHERE {where} ORDER BY w.id LIMIT @take";
        }

        // A candidate shares enough trigrams with the name's characters or with its sound (pg_trgm's similarity
        // threshold, 0.3 by default); both operators are served by the GIN trigram indexes.
        Condition("(w.name % @name OR w.name_pinyin % @pinyin)", "name", NpgsqlDbType.Varchar, name.Text);
        parameters.Add(new NpgsqlParameter("pinyin", NpgsqlDbType.Varchar) { Value = name.Pinyin });
        var ranked = $"""
            SELECT CASE WHEN w.name = @name THEN 0 WHEN w.name_pinyin = @pinyin THEN 1 ELSE 2 END AS rank,
                   round(1000 * greatest(similarity(w.name, @name), similarity(w.name_pinyin, @pinyin)))::int AS similarity,
                   w.id
            FROM {Workers} w
            WHERE {where}
            """;
        var page = "";
        if (after is not null)
        {
            page = "WHERE (ranked.rank, -ranked.similarity, ranked.id) > (@after_rank, -@after_similarity, @after_id)";
            parameters.Add(new NpgsqlParameter("after_rank", NpgsqlDbType.Integer) { Value = after.Rank });
            parameters.Add(new NpgsqlParameter("after_similarity", NpgsqlDbType.Integer) { Value = after.Similarity });
            parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = after.Id });
        }

        return $"SELECT ranked.rank, ranked.similarity, ranked.id FROM ({ranked}) ranked {page} ORDER BY ranked.rank, ranked.similarity DESC, ranked.id LIMIT @take";
    }
}
