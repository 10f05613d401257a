using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchingRankedInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.AddColumn<string[]>(
                name: "certificate_keys",
                schema: "jobmatching",
                table: "candidates",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<decimal>(
                name: "minimum_wage",
                schema: "jobmatching",
                table: "candidates",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "skill_keys",
                schema: "jobmatching",
                table: "candidates",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "wanted_trades",
                schema: "jobmatching",
                table: "candidates",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            // Candidates projected before the columns existed get them from the facts they hold, as Candidate.ApplyFacts
            // and MatchKeys derive them: the first skill of each trade at every level up to its own, each certificate's
            // trade at any level and at every level up to its own, the wanted trades, the minimum wage.
            migrationBuilder.Sql(
                """
                UPDATE jobmatching.candidates AS c SET
                    skill_keys = ARRAY(
                        SELECT DISTINCT s.trade || ':' || l.name
                        FROM (SELECT DISTINCT ON (e->>'tradeCode') e->>'tradeCode' AS trade, e->>'level' AS level
                              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.skills) = 'array' THEN c.skills ELSE '[]' END) WITH ORDINALITY AS x(e, n)
                              ORDER BY e->>'tradeCode', n) AS s
                        JOIN unnest(ARRAY['none', 'junior', 'intermediate', 'senior', 'technician']) WITH ORDINALITY AS l(name, n)
                          ON l.n <= array_position(ARRAY['none', 'junior', 'intermediate', 'senior', 'technician'], s.level)
                        ORDER BY 1),
                    certificate_keys = ARRAY(
                        SELECT DISTINCT k.key
                        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.certificates) = 'array' THEN c.certificates ELSE '[]' END) AS e,
                        LATERAL (SELECT (e->>'tradeCode') || ':' AS key
                                 UNION ALL
                                 SELECT (e->>'tradeCode') || ':' || l.name
                                 FROM unnest(ARRAY['none', 'junior', 'intermediate', 'senior', 'technician']) WITH ORDINALITY AS l(name, n)
                                 WHERE l.n <= array_position(ARRAY['none', 'junior', 'intermediate', 'senior', 'technician'], e->>'level')) AS k
                        WHERE e->>'tradeCode' IS NOT NULL
                        ORDER BY 1),
                    wanted_trades = ARRAY(
                        SELECT DISTINCT t
                        FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(c.intention->'trades') = 'array' THEN c.intention->'trades' ELSE '[]' END) AS t
                        ORDER BY 1),
                    minimum_wage = (c.intention->>'minimumMonthlyWage')::numeric(12,2)
                """);

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies",
                columns: new[] { "trade_code", "valid_through" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "required_level", "required_certificates", "minimum_education", "division", "partner_city", "wage_max", "filled", "headcount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "certificate_keys",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "minimum_wage",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "skill_keys",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "wanted_trades",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies",
                columns: new[] { "trade_code", "valid_through" },
                filter: "status = 'Open'");
        }
    }
}
