using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EmployersAndVacancies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "employers",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    locality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    industry = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    size = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "employer_contacts",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    phone_ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_lookup_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_contacts_employers_employer_id",
                        column: x => x.employer_id,
                        principalSchema: "jobmatching",
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vacancies",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    trade_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    required_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    required_certificates = table.Column<string>(type: "jsonb", nullable: false),
                    minimum_education = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    filled = table.Column<int>(type: "integer", nullable: false),
                    wage_min = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    wage_max = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    partner_city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    accommodation = table.Column<bool>(type: "boolean", nullable: false),
                    valid_through = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vacancies", x => x.id);
                    table.CheckConstraint("ck_vacancies_filled_within_headcount", "filled >= 0 AND filled <= headcount");
                    table.ForeignKey(
                        name: "fk_vacancies_employers_employer_id",
                        column: x => x.employer_id,
                        principalSchema: "jobmatching",
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_employer_contacts_employer_id",
                schema: "jobmatching",
                table: "employer_contacts",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_contacts_phone_lookup_hash",
                schema: "jobmatching",
                table: "employer_contacts",
                column: "phone_lookup_hash");

            migrationBuilder.CreateIndex(
                name: "ix_employers_credit_code",
                schema: "jobmatching",
                table: "employers",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employers_division",
                schema: "jobmatching",
                table: "employers",
                column: "division");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_division",
                schema: "jobmatching",
                table: "vacancies",
                column: "division");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_employer_id",
                schema: "jobmatching",
                table: "vacancies",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_open_trade",
                schema: "jobmatching",
                table: "vacancies",
                columns: new[] { "trade_code", "valid_through" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_open_valid_through",
                schema: "jobmatching",
                table: "vacancies",
                column: "valid_through",
                filter: "status = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "employer_contacts",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "vacancies",
                schema: "jobmatching");

            migrationBuilder.DropTable(
                name: "employers",
                schema: "jobmatching");
        }
    }
}
