using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VacancyRankedByNumbers : Migration
    {
        /// <summary>
        /// Vacancies posted before the columns existed get them from the terms they hold, as Vacancy keeps them: the
        /// level's and the education's number in their enums, the highest wage in whole yuan rounded up, one key per
        /// required certificate in order (MatchKeys.Required). The partner feed's trigger is off meanwhile: no term changes,
        /// so no partner city is sent the vacancies again.
        /// </summary>
        public const string FillFromTerms = """
            ALTER TABLE jobmatching.vacancies DISABLE TRIGGER vacancies_partner_feed;
            UPDATE jobmatching.vacancies SET
                required_level_number = array_position(ARRAY['None', 'Junior', 'Intermediate', 'Senior', 'Technician'], required_level::text) - 1,
                minimum_education_number = array_position(
                    ARRAY['None', 'Primary', 'JuniorHigh', 'SeniorHigh', 'SecondaryVocational', 'JuniorCollege', 'Bachelor', 'Postgraduate'],
                    minimum_education::text) - 1,
                wage_max_yuan = ceil(least(wage_max, 2147483647))::int,
                required_certificate_keys = ARRAY(
                    SELECT (r ->> 'tradeCode') || ':' || coalesce(r ->> 'level', '')
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(required_certificates) = 'array' THEN required_certificates ELSE '[]' END)
                         WITH ORDINALITY AS x(r, n)
                    ORDER BY n);
            ALTER TABLE jobmatching.vacancies ENABLE TRIGGER vacancies_partner_feed;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.AddColumn<short>(
                name: "minimum_education_number",
                schema: "jobmatching",
                table: "vacancies",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "required_certificate_keys",
                schema: "jobmatching",
                table: "vacancies",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<short>(
                name: "required_level_number",
                schema: "jobmatching",
                table: "vacancies",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<int>(
                name: "wage_max_yuan",
                schema: "jobmatching",
                table: "vacancies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(FillFromTerms);

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies",
                columns: new[] { "trade_code", "valid_through" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "required_level_number", "required_certificate_keys", "minimum_education_number", "division", "partner_city", "wage_max_yuan", "filled", "headcount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "minimum_education_number",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "required_certificate_keys",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "required_level_number",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "wage_max_yuan",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies",
                columns: new[] { "trade_code", "valid_through" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "required_level", "required_certificates", "minimum_education", "division", "partner_city", "wage_max", "filled", "headcount" });
        }
    }
}
