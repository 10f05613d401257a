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
/// as the score counts it (the vacancy's certificates from its small JSON list), the worker's availability left to the
/// caller. The statements are written here rather than in LINQ so that each factor reads as the score's rule does and
/// the database returns only ids and bounds, best first; the values are parameters, the SQL text constant per shape.
/// </summary>
internal sealed class SqlMatchRanking(JobMatchingDbContext db) : IMatchRanking
{
    private const string Schema = JobMatchingDbContext.Schema;

    private static readonly EducationLevel[] EducationLevels = Enum.GetValues<EducationLevel>();

    private static readonly SkillLevel[] SkillLevels = Enum.GetValues<SkillLevel>();

    /// <summary>The vacancy's side of the score; the trade and certificate terms are written per worker (see <see cref="RankVacanciesAsync"/>).</summary>
    private const string VacancyBoundWithoutTradeAndCertificates = """
        + @education_points * CASE WHEN v.minimum_education IS NULL THEN 1 WHEN @education_unknown THEN @partial
                                   WHEN v.minimum_education = ANY (@education_met) THEN 1 ELSE 0 END
        + @distance_points * CASE WHEN v.partner_city IS NOT NULL THEN @partner_city
                                  WHEN v.division = @division THEN @same_village
                                  WHEN v.division LIKE @township THEN @same_township
                                  WHEN v.division LIKE @county THEN @same_county
                                  WHEN v.division LIKE @city THEN @same_city ELSE 0 END
        + @wage_points * CASE WHEN NOT @expects_wage OR v.wage_max >= @minimum_wage THEN 1 ELSE (v.wage_max / @minimum_wage)::float8 END
        + @intention_points * CASE WHEN cardinality(@wanted_trades) = 0 THEN @partial WHEN v.trade_code = ANY (@wanted_trades) THEN 1 ELSE 0 END
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

    public async Task<IReadOnlyList<RankedId>> RankVacanciesAsync(VacancyRanking ranking, RankingPage page, CancellationToken cancellationToken)
    {
        // The worker's few skills become one comparison each, so that no row builds a string: the trade's fit is 1 when
        // the vacancy's trade is a skill's and its level one the skill meets.
        var skills = ranking.Skills.DistinctBy(s => s.TradeCode).ToList();
        var skillMet = skills.Count == 0
            ? "false"
            : string.Join(" OR ", skills.Select((_, i) => $"(v.trade_code = @skill_trade_{i} AND v.required_level = ANY (@skill_levels_{i}))"));
        // Most vacancies ask for no certificate or for one, and most workers hold none: those need no look into the list.
        var certificates = ranking.CertificateKeys.Count == 0
            ? "CASE WHEN jsonb_array_length(v.required_certificates) = 0 THEN 1 ELSE 0 END"
            : """
              CASE jsonb_array_length(v.required_certificates)
                  WHEN 0 THEN 1
                  WHEN 1 THEN CASE WHEN ((v.required_certificates -> 0 ->> 'tradeCode') || ':' || coalesce(v.required_certificates -> 0 ->> 'level', ''))
                                        = ANY (@certificate_keys) THEN 1 ELSE 0 END
                  ELSE (SELECT count(*) FILTER (WHERE ((r ->> 'tradeCode') || ':' || coalesce(r ->> 'level', '')) = ANY (@certificate_keys))
                        FROM jsonb_array_elements(v.required_certificates) AS r)::float8 / jsonb_array_length(v.required_certificates) END
              """;
        var location = ranking.HomeCountyOnly ? "AND v.partner_city IS NULL AND v.division LIKE @county"
            : ranking.CityOnly ? "AND v.partner_city IS NULL"
            : string.Empty;
        var sql = $"""
            SELECT v.id, b.bound, floor((b.bound + @slack) * 10)::int AS rank
            FROM "{Schema}".vacancies AS v
            CROSS JOIN LATERAL (SELECT
                  @trade_points * CASE WHEN {skillMet} THEN 1 WHEN v.trade_code = ANY (@skill_trades) OR v.required_level = '{SkillLevel.None}' THEN @partial ELSE 0 END
                + @certificate_points * {certificates}
                {VacancyBoundWithoutTradeAndCertificates} AS bound) AS b
            WHERE v.status = 'Open' AND v.filled < v.headcount AND v.valid_through >= @can_start {location}
              AND {(page.SharesTrade ? string.Empty : "NOT")} (v.trade_code = ANY (@trades))
            ORDER BY rank DESC, v.id
            OFFSET @offset LIMIT @count
            """;
        var education = ranking.Education;
        List<NpgsqlParameter> parameters =
        [
            new("skill_trades", skills.Select(s => s.TradeCode).ToArray()),
            new("certificate_keys", ranking.CertificateKeys.ToArray()),
            new("education_unknown", education is null),
            new("education_met", EducationLevels.Where(level => level <= education).Select(level => level.ToString()).ToArray()),
            new("expects_wage", ranking.MinimumWage > 0m),
            new("minimum_wage", NpgsqlDbType.Numeric) { Value = ranking.MinimumWage > 0m ? ranking.MinimumWage.Value : 0m },
            new("wanted_trades", ranking.WantedTrades.ToArray()),
            new("can_start", ranking.CanStart),
            new("trades", ranking.TradeCodes.ToArray()),
        ];
        for (var i = 0; i < skills.Count; i++)
        {
            parameters.Add(new($"skill_trade_{i}", skills[i].TradeCode));
            parameters.Add(new($"skill_levels_{i}", SkillLevels.Where(level => level <= skills[i].Level).Select(level => level.ToString()).ToArray()));
        }

        return await QueryAsync(sql, ranking.Matcher, ranking.HouseholdDivision, page, cancellationToken, parameters);
    }

    public async Task<IReadOnlyList<RankedId>> RankCandidatesAsync(CandidateRanking ranking, RankingPage page, CancellationToken cancellationToken)
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
              AND {(page.SharesTrade ? string.Empty : "NOT")} (c.trade_codes && @trades)
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
