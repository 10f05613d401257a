using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationsAndPlacements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recommendations",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recommended_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recommended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_open = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcomes = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendations_vacancies_vacancy_id",
                        column: x => x.vacancy_id,
                        principalSchema: "jobmatching",
                        principalTable: "vacancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "placements",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cross_region = table.Column<bool>(type: "boolean", nullable: false),
                    workplace_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    trade_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    monthly_wage = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    end_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_placements_employers_employer_id",
                        column: x => x.employer_id,
                        principalSchema: "jobmatching",
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_placements_recommendations_recommendation_id",
                        column: x => x.recommendation_id,
                        principalSchema: "jobmatching",
                        principalTable: "recommendations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_placements_vacancies_vacancy_id",
                        column: x => x.vacancy_id,
                        principalSchema: "jobmatching",
                        principalTable: "vacancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_placements_employer_id",
                schema: "jobmatching",
                table: "placements",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_recommendation_id",
                schema: "jobmatching",
                table: "placements",
                column: "recommendation_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_vacancy_id",
                schema: "jobmatching",
                table: "placements",
                column: "vacancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_worker_division_start_date",
                schema: "jobmatching",
                table: "placements",
                columns: new[] { "worker_division", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_placements_worker_id",
                schema: "jobmatching",
                table: "placements",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_vacancy_id",
                schema: "jobmatching",
                table: "recommendations",
                column: "vacancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_worker_division_recommended_at",
                schema: "jobmatching",
                table: "recommendations",
                columns: new[] { "worker_division", "recommended_at" });

            migrationBuilder.CreateIndex(
                name: "ux_recommendations_open_pair",
                schema: "jobmatching",
                table: "recommendations",
                columns: new[] { "worker_id", "vacancy_id" },
                unique: true,
                filter: "is_open");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "placements",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "recommendations",
                schema: "jobmatching");
        }
    }
}
