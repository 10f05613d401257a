using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LaborCooperation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                schema: "jobmatching",
                table: "vacancies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sector",
                schema: "jobmatching",
                table: "vacancies",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                schema: "jobmatching",
                table: "vacancies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "confirmed_on",
                schema: "jobmatching",
                table: "placements",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "follow_up_tasks",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    months_after_start = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    monthly_wage = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    left_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_up_tasks_placements_placement_id",
                        column: x => x.placement_id,
                        principalSchema: "jobmatching",
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_cities",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_cities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partner_feed",
                schema: "jobmatching",
                columns: table => new
                {
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_feed", x => x.vacancy_id);
                    table.ForeignKey(
                        name: "fk_partner_feed_vacancies_vacancy_id",
                        column: x => x.vacancy_id,
                        principalSchema: "jobmatching",
                        principalTable: "vacancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placement_reports",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    monthly_wage = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_placement_reports_placements_placement_id",
                        column: x => x.placement_id,
                        principalSchema: "jobmatching",
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_cases",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rights_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_rights_cases_placements_placement_id",
                        column: x => x.placement_id,
                        principalSchema: "jobmatching",
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "job_fairs",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    organizer_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    employer_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    vacancy_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_fairs", x => x.id);
                    table.ForeignKey(
                        name: "fk_job_fairs_partner_cities_partner_city",
                        column: x => x.partner_city,
                        principalSchema: "jobmatching",
                        principalTable: "partner_cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_agreements",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_city_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    sectors = table.Column<string[]>(type: "text[]", nullable: false),
                    quotas = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_agreements_partner_cities_partner_city_id",
                        column: x => x.partner_city_id,
                        principalSchema: "jobmatching",
                        principalTable: "partner_cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fair_check_ins",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_in_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_check_ins", x => x.id);
                    table.ForeignKey(
                        name: "fk_fair_check_ins_job_fairs_fair_id",
                        column: x => x.fair_id,
                        principalSchema: "jobmatching",
                        principalTable: "job_fairs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fair_offers",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_fair_offers_job_fairs_fair_id",
                        column: x => x.fair_id,
                        principalSchema: "jobmatching",
                        principalTable: "job_fairs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_fair_offers_recommendations_recommendation_id",
                        column: x => x.recommendation_id,
                        principalSchema: "jobmatching",
                        principalTable: "recommendations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_contacts",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    phone_ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_lookup_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_contacts_partner_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalSchema: "jobmatching",
                        principalTable: "partner_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_partner_external_id",
                schema: "jobmatching",
                table: "vacancies",
                columns: new[] { "partner_city", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_placements_partner_city",
                schema: "jobmatching",
                table: "placements",
                column: "partner_city",
                filter: "partner_city IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_fair_check_ins_fair_id_worker_id",
                schema: "jobmatching",
                table: "fair_check_ins",
                columns: new[] { "fair_id", "worker_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fair_offers_fair_id",
                schema: "jobmatching",
                table: "fair_offers",
                column: "fair_id");

            migrationBuilder.CreateIndex(
                name: "ix_fair_offers_recommendation_id",
                schema: "jobmatching",
                table: "fair_offers",
                column: "recommendation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_tasks_placement_id_months_after_start",
                schema: "jobmatching",
                table: "follow_up_tasks",
                columns: new[] { "placement_id", "months_after_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_tasks_worker_division_due_on",
                schema: "jobmatching",
                table: "follow_up_tasks",
                columns: new[] { "worker_division", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_job_fairs_date",
                schema: "jobmatching",
                table: "job_fairs",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_job_fairs_partner_city",
                schema: "jobmatching",
                table: "job_fairs",
                column: "partner_city");

            migrationBuilder.CreateIndex(
                name: "ix_partner_agreements_partner_city_id",
                schema: "jobmatching",
                table: "partner_agreements",
                column: "partner_city_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_contacts_agreement_id",
                schema: "jobmatching",
                table: "partner_contacts",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_contacts_phone_lookup_hash",
                schema: "jobmatching",
                table: "partner_contacts",
                column: "phone_lookup_hash");

            migrationBuilder.CreateIndex(
                name: "ix_partner_feed_partner_city_sequence",
                schema: "jobmatching",
                table: "partner_feed",
                columns: new[] { "partner_city", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_placement_reports_placement_id",
                schema: "jobmatching",
                table: "placement_reports",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_rights_cases_open_deadline",
                schema: "jobmatching",
                table: "rights_cases",
                column: "deadline",
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rights_cases_partner_city",
                schema: "jobmatching",
                table: "rights_cases",
                column: "partner_city",
                filter: "partner_city IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rights_cases_placement_id",
                schema: "jobmatching",
                table: "rights_cases",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_rights_cases_worker_division",
                schema: "jobmatching",
                table: "rights_cases",
                column: "worker_division");

            // The partner feed's sequence is drawn at commit by a trigger: see PartnerFeedSql.
            migrationBuilder.Sql(PartnerFeedSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PartnerFeedSql.Drop);

            migrationBuilder.DropTable(
                name: "fair_check_ins",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "fair_offers",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "follow_up_tasks",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "partner_contacts",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "partner_feed",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "placement_reports",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "rights_cases",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "job_fairs",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "partner_agreements",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "partner_cities",
                schema: "jobmatching");

            migrationBuilder.DropIndex(
                name: "ix_vacancies_partner_external_id",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropIndex(
                name: "ix_placements_partner_city",
                schema: "jobmatching",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "external_id",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "sector",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                schema: "jobmatching",
                table: "vacancies");

            migrationBuilder.DropColumn(
                name: "confirmed_on",
                schema: "jobmatching",
                table: "placements");
        }
    }
}
