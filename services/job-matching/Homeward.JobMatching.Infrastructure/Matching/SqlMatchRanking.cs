using System.Data.Common;
using Homeward.JobMatching.Application.Matching;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.SharedKernel.Trades;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.JobMatching.Infrastructure.Matching;

/// <summary>
/// Ranks pairs in PostgreSQL by the score <see cref="Matcher"/> gives them, reckoned from plain columns: every factor
/// as the score counts it (a vacancy's required level, education, wage and certificates from the numbers and keys it
/// keeps for ranking), the worker's availability left to the caller. The statements are written here rather than in
/// LINQ so that each factor reads as the score's rule does and the database returns only ids and bounds, best first;
/// the values are parameters, the SQL text constant per shape.
/// </summary>
internal sealed class SqlMatchRanking(JobMatchingDbContext db) : IMatchRanking
{
    private const string Schema = JobMatchingDbContext.Schema;

    private static readonly EducationLevel[] EducationLevels = Enum.GetValues<EducationLevel>();

    private static readonly SkillLevel[] SkillLevels = Enum.GetValues<SkillLevel>();

    /// <summary>
    /// The vacancy's side of the score beyond its tier's trade and intention points and the certificates, from the
    /// numbers the vacancy keeps for ranking: no row compares text other than its division or computes in numeric.
    /// </summary>
    private const string VacancyBoundOfEducationDistanceAndWage = """
        + @education_points * CASE WHEN v.minimum_education_number IS NULL THEN 1 WHEN @education_unknown THEN @partial
                                   WHEN v.minimum_education_number <= @education THEN 1 ELSE 0 END
        + @distance_points * CASE WHEN v.partner_city IS NOT NULL THEN @partner_city
                                  WHEN v.division = @division THEN @same_village
                                  WHEN v.division LIKE @township THEN @same_township
                                  WHEN v.division LIKE @county THEN @same_county
                                  WHEN v.division LIKE @city THEN @same_city ELSE 0 END
        + @wage_points * CASE WHEN v.wage_max_yuan >= @minimum_wage_yuan THEN 1 ELSE v.wage_max_yuan * @per_yuan_of_minimum_wage END
        """;

    private static readonly string CandidateBoundWithoutCertificates = $"""
          @trade_points * CASE WHEN @skill_met = ANY (c.skill_keys) THEN 1
                               WHEN @skill_any = ANY (c.skill_keys) OR @no_level_required THEN @partial ELSE 0 END
        + @education_points * CASE WHEN NOT @education_required THEN 1 WHEN c.education IS NULL THEN @partial
                                   WHEN c.education = ANY (@education_met) THEN 1 ELSE 0 END
        + @distance_points * CASE WHEN @cross_region THEN @partner_city
                                  WHEN c.household_division = @division THEN @same_village
                                  WHEN c.household_division LIKE @township THEN @same_township
                                  WHEN c.household_division LIKE @county THEN @same_county
                                  WHEN c.household_division LIKE @city THEN @same_city ELSE 0 END
        + @wage_points * CASE WHEN c.minimum_wage IS NULL OR c.minimum_wage <= 0 OR @wage_max >= c.minimum_wage THEN 1
                              ELSE (@wage_max / c.minimum_wage)::float8 END
        + @intention_points * CASE WHEN cardinality(c.wanted_trades) = 0 THEN @partial WHEN @trade = ANY (c.wanted_trades) THEN 1 ELSE 0 END
        """;

    public async Task<IReadOnlyList<RankedId>> RankVacanciesAsync(VacancyRanking ranking, VacancyTier tier, RankingPage page, CancellationToken cancellationToken)
    {
        List<NpgsqlParameter> parameters = [];
        // The tier's trades at its levels; a trade at every level needs no look at the level.
        string trades;
        if (tier.OtherTrades)
        {
            trades = "NOT (v.trade_code = ANY (@trades)) AND v.required_level_number = ANY (@other_levels)";
            parameters.Add(new("trades", ranking.TradeCodes.ToArray()));
            parameters.Add(new("other_levels", tier.OtherTradesLevels.Select(level => (short)level).ToArray()));
        }
        else
        {
            var levelsByTrade = tier.Trades
                .Select((trade, i) => trade.Levels.Count == SkillLevels.Length
                    ? $"v.trade_code = @tier_trade_{i}"
                    : $"(v.trade_code = @tier_trade_{i} AND v.required_level_number = ANY (@tier_levels_{i}))");
            trades = $"v.trade_code = ANY (@tier_trades) AND ({string.Join(" OR ", levelsByTrade)})";
            parameters.Add(new("tier_trades", tier.Trades.Select(t => t.TradeCode).ToArray()));
            for (var i = 0; i < tier.Trades.Count; i++)
            {
                parameters.Add(new($"tier_trade_{i}", tier.Trades[i].TradeCode));
                parameters.Add(new($"tier_levels_{i}", tier.Trades[i].Levels.Select(level => (short)level).ToArray()));
            }
        }

        // Most vacancies ask for no certificate or for one, and most workers hold none: those need no look into the keys.
        var certificates = (tier.AsksForCertificates, ranking.CertificateKeys.Count) switch
        {
            (false, _) => "@certificate_points",
            (true, 0) => "0",
            (null, 0) => "@certificate_points * CASE WHEN cardinality(v.required_certificate_keys) = 0 THEN 1 ELSE 0 END",
            _ => """
                 @certificate_points * CASE cardinality(v.required_certificate_keys)
                     WHEN 0 THEN 1
                     WHEN 1 THEN CASE WHEN v.required_certificate_keys[1] = ANY (@certificate_keys) THEN 1 ELSE 0 END
                     ELSE (SELECT count(*) FROM unnest(v.required_certificate_keys) AS k WHERE k = ANY (@certificate_keys))::float8
                          / cardinality(v.required_certificate_keys) END
                 """,
        };
        var asks = tier.AsksForCertificates switch
        {
            true => "AND cardinality(v.required_certificate_keys) > 0",
            false => "AND cardinality(v.required_certificate_keys) = 0",
            null => string.Empty,
        };
        var location = ranking.HomeCountyOnly ? "AND v.partner_city IS NULL AND v.division LIKE @county"
            : ranking.CityOnly ? "AND v.partner_city IS NULL"
            : string.Empty;
        var sql = $"""
            SELECT v.id, b.bound, floor((b.bound + @slack) * 10)::int AS rank
            FROM "{Schema}".vacancies AS v
            CROSS JOIN LATERAL (SELECT @tier_points + {certificates}
                {VacancyBoundOfEducationDistanceAndWage} AS bound) AS b
            WHERE v.status = 'Open' AND v.filled < v.headcount AND v.valid_through >= @can_start {location}
              AND {trades} {asks}
            ORDER BY rank DESC, v.id
            OFFSET @offset LIMIT @count
            """;
        var education = ranking.Education;
        var minimumWage = ranking.MinimumWage is > 0m and { } expected ? expected : (decimal?)null;
        parameters.AddRange(
        [
            new("tier_points", tier.TradeAndIntentionPoints),
            new("certificate_keys", ranking.CertificateKeys.ToArray()),
            new("education_unknown", education is null),
            new("education", NpgsqlDbType.Smallint) { Value = (short)(education ?? 0) },
            // Without an expectation every wage meets it; with one, a wage in whole yuan meets it exactly when it reaches the expectation rounded up.
            new("minimum_wage_yuan", minimumWage is { } least ? MatchKeys.WholeYuanAtLeast(least) : int.MinValue),
            new("per_yuan_of_minimum_wage", minimumWage is { } divisor ? (double)(1m / divisor) : 0d),
            new("can_start", ranking.CanStart),
        ]);
        return await QueryAsync(sql, ranking.Matcher, ranking.HouseholdDivision, page, cancellationToken, parameters);
    }

    public async Task<IReadOnlyList<RankedId>> RankCandidatesAsync(CandidateRanking ranking, bool sharesTrade, RankingPage page, CancellationToken cancellationToken)
    {
        // One term per required certificate, as the score counts them (a certificate asked for twice counts twice).
        var certificates = ranking.RequiredCertificates.Count == 0
            ? "1"
            : "(" + string.Join(" + ", ranking.RequiredCertificates.Select((_, i) => $"CASE WHEN @certificate_{i} = ANY (c.certificate_keys) THEN 1 ELSE 0 END"))
              + $")::float8 / {ranking.RequiredCertificates.Count}";
        var reach = ranking.CrossRegion
            ? $"AND c.reach IN ('{WorkLocation.PartnerCities}', '{WorkLocation.Anywhere}')"
            : $"AND (c.reach <> '{WorkLocation.HomeCounty}' OR c.household_division LIKE @county)";
        var sql = $"""
            SELECT c.worker_id, b.bound, floor((b.bound + @slack) * 10)::int AS rank
            FROM "{Schema}".candidates AS c
            CROSS JOIN LATERAL (SELECT {CandidateBoundWithoutCertificates} + @certificate_points * {certificates} AS bound) AS b
            WHERE c.status = '{CandidateStatus.SeekingWork}' AND c.registered_at IS NOT NULL
              AND c.household_division COLLATE "C" BETWEEN @division_first AND @division_last {reach}
              AND {(sharesTrade ? string.Empty : "NOT")} (c.trade_codes && @trades)
            ORDER BY rank DESC, c.worker_id
            OFFSET @offset LIMIT @count
            """;
        List<NpgsqlParameter> parameters =
        [
            new("trade", ranking.TradeCode),
            new("trades", new[] { ranking.TradeCode }),
            new("skill_met", MatchKeys.Of(ranking.TradeCode, ranking.RequiredLevel)),
            new("skill_any", MatchKeys.Of(ranking.TradeCode, SkillLevel.None)),
            new("no_level_required", ranking.RequiredLevel == SkillLevel.None),
            new("education_required", ranking.MinimumEducation is not null),
            new("education_met", EducationLevels.Where(level => level >= ranking.MinimumEducation).Select(level => level.ToString()).ToArray()),
            new("cross_region", ranking.CrossRegion),
            new("wage_max", NpgsqlDbType.Numeric) { Value = ranking.WageMax },
            // The caller's division as a range of codes, compared byte by byte ("C"): digits sort the same, without the locale's rules per row.
            new("division_first", ranking.DivisionFirst),
            new("division_last", ranking.DivisionLast),
        ];
        parameters.AddRange(ranking.RequiredCertificates.Select((required, i) => new NpgsqlParameter($"certificate_{i}", MatchKeys.Of(required.TradeCode, required.Level))));
        return await QueryAsync(sql, ranking.Matcher, ranking.Division, page, cancellationToken, parameters);
    }

    private async Task<IReadOnlyList<RankedId>> QueryAsync(
        string sql,
        Matcher matcher,
        string division,
        RankingPage page,
        CancellationToken cancellationToken,
        IEnumerable<NpgsqlParameter> parameters)
    {
        var weights = matcher.Weights;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            NpgsqlParameter[] shared =
            [
                new("trade_points", matcher.PointsAtFullFit(weights.Trade)),
                new("certificate_points", matcher.PointsAtFullFit(weights.Certificates)),
                new("education_points", matcher.PointsAtFullFit(weights.Education)),
                new("distance_points", matcher.PointsAtFullFit(weights.Distance)),
                new("wage_points", matcher.PointsAtFullFit(weights.Wage)),
                new("intention_points", matcher.PointsAtFullFit(weights.Intention)),
                new("partial", Matcher.Partial),
                new("same_village", Matcher.SameVillage),
                new("same_township", Matcher.SameTownship),
                new("same_county", Matcher.SameCounty),
                new("same_city", Matcher.SameCity),
                new("partner_city", Matcher.PartnerCity),
                // The stored codes are character(12): compared as such and by prefix patterns, no row is cast to text.
                new("division", NpgsqlDbType.Char) { Value = division },
                new("township", division[..9] + "%"),
                new("county", division[..6] + "%"),
                new("city", division[..4] + "%"),
                new("slack", Matcher.BoundSlack),
                new("offset", page.Offset),
                new("count", page.Count),
            ];
            foreach (var parameter in parameters.Concat(shared))
            {
                command.Parameters.Add(parameter);
            }

            var ranked = new List<RankedId>(page.Count);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add(new RankedId(reader.GetGuid(0), reader.GetDouble(1), reader.GetInt32(2)));
            }

            return ranked;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
