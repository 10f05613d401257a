using System.Globalization;
using System.Text;
using Homeward.Registry.Application.Search;
using Homeward.Registry.Domain.Workers;
using Homeward.Registry.Infrastructure.Persistence;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.Registry.Infrastructure.Search;

/// <summary>
/// The search in SQL, so that each criterion meets its index: the GIN <c>gin_trgm_ops</c> index on name (trigram
/// similarity, <c>%</c>), B-trees on name_pinyin (equality) and the lookup hashes, skill keys (GIN array containment)
/// and the household division range (B-tree on character(12), hence the bounds are written as character, not text).
/// </summary>
internal sealed class WorkerSearch(RegistryDbContext db) : IWorkerSearch
{
    private const string Workers = RegistryDbContext.Schema + ".workers";

    public async Task<IReadOnlyList<WorkerSearchPosition>> RankByNameAsync(
        WorkerSearchFilter filter,
        (string Text, string Pinyin) name,
        WorkerSearchPosition? after,
        int take,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            // The similarity threshold is set for this transaction only, so it never stays on a pooled connection.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('pg_trgm.similarity_threshold', @threshold, true)")
            {
                Parameters = { new NpgsqlParameter("threshold", NpgsqlDbType.Text) { Value = SimilarityThreshold(name.Text).ToString(CultureInfo.InvariantCulture) } },
            });

            var query = new NpgsqlBatchCommand();
            query.CommandText = RankingSql(Conditions(filter, query.Parameters), name, after, query.Parameters);
            query.Parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take });
            batch.BatchCommands.Add(query);

            var positions = new List<WorkerSearchPosition>(take);
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    positions.Add(new WorkerSearchPosition(reader.GetInt32(0), reader.GetInt32(1), reader.GetGuid(2)));
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return positions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public IQueryable<Worker> Matching(WorkerSearchFilter filter, Guid? after, int take)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Conditions(filter, parameters);
        if (after is { } afterId)
        {
            where.Append(" AND w.id > @after_id");
            parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = afterId });
        }

        parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take });
        // Every value is a parameter; the only text put in is the division's bounds, checked to be twelve digits.
        var sql = $"SELECT w.*, w.xmin FROM {Workers} w WHERE {where} ORDER BY w.id LIMIT @take";
        return db.Workers.FromSqlRaw(sql, [.. parameters]);
    }

    /// <summary>
    /// The share of trigrams a name must have in common with the one searched for. pg_trgm's default, 0.3, is kept for
    /// names of three characters and more; a shorter name has so few trigrams (张伟: "  张", " 张伟", "张伟 ") that a
    /// single shared one — the surname — would make every bearer of the surname a candidate to check (a tenth of the
    /// register for 张). Requiring just over one shared trigram in two keeps 张伟明 for 张伟 and drops 张玮.
    /// </summary>
    private static double SimilarityThreshold(string name) => Math.Max(0.3, Math.Round((1.0 / (name.Length + 1)) + 0.01, 2));

    /// <summary>The criteria of <paramref name="filter"/> as the WHERE clause over <c>w</c>, their values added to <paramref name="parameters"/>.</summary>
    private static StringBuilder Conditions(WorkerSearchFilter filter, IList<NpgsqlParameter> parameters)
    {
        // The division's bounds are written into the statement rather than bound: the statement is prepared, and its
        // generic plan must know how much of the register the caller's division covers (as with DivisionScope). With
        // parameters it guessed a small range and intersected the division index over the whole city (30–45 ms).
        var where = new StringBuilder($"w.household_division BETWEEN {DivisionLiteral(filter.DivisionRange.First)} AND {DivisionLiteral(filter.DivisionRange.Last)}");

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
            Condition("w.job_intention->>'where' = ANY(@intention_where)", "intention_where", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.IntentionWhere.Select(EnumNames.Of).ToArray());
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

        return where;
    }

    private static string RankingSql(StringBuilder where, (string Text, string Pinyin) name, WorkerSearchPosition? after, IList<NpgsqlParameter> parameters)
    {
        // A candidate sounds the same (the B-tree on name_pinyin), or shares enough trigrams of its characters (the GIN
        // trigram index on name, with the threshold set above). Within a rank, closer characters first.
        where.Append(" AND (w.name % @name OR w.name_pinyin = @pinyin)");
        parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Varchar) { Value = name.Text });
        parameters.Add(new NpgsqlParameter("pinyin", NpgsqlDbType.Varchar) { Value = name.Pinyin });
        var ranked = $"""
            SELECT CASE WHEN w.name = @name THEN 0 WHEN w.name_pinyin = @pinyin THEN 1 ELSE 2 END AS rank,
                   round(1000 * similarity(w.name, @name))::int AS similarity,
                   w.id
            FROM {Workers} w
            WHERE {where}
            """;
        var page = string.Empty;
        if (after is not null)
        {
            page = "WHERE (ranked.rank, -ranked.similarity, ranked.id) > (@after_rank, -@after_similarity, @after_id)";
            parameters.Add(new NpgsqlParameter("after_rank", NpgsqlDbType.Integer) { Value = after.Rank });
            parameters.Add(new NpgsqlParameter("after_similarity", NpgsqlDbType.Integer) { Value = after.Similarity });
            parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = after.Id });
        }

        return $"SELECT ranked.rank, ranked.similarity, ranked.id FROM ({ranked}) ranked {page} ORDER BY ranked.rank, ranked.similarity DESC, ranked.id LIMIT @take";
    }

    /// <summary>A division bound as a character literal; bounds come from a parsed division code, twelve digits.</summary>
    private static string DivisionLiteral(string bound) =>
        bound.Length == DivisionCode.Length && bound.All(char.IsAsciiDigit)
            ? $"'{bound}'::bpchar"
            : throw new ArgumentException($"'{bound}' is not a 12-digit division code.", nameof(bound));
}
