using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Subsidy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "tax_relief_grants",
                schema: "subsidy",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "disbursements",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bank_account_ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    bank_account_lookup_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    bank_account_masked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    instructed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    instructed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disbursements", x => x.id);
                    table.ForeignKey(
                        name: "fk_disbursements_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "subsidy",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loans",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    founder_worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    bank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    interest_subsidy_share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    jobs_reported = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.ForeignKey(
                        name: "fk_loans_businesses_business_id",
                        column: x => x.business_id,
                        principalSchema: "subsidy",
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tax_relief_periods",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_relief_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_tax_relief_periods_businesses_business_id",
                        column: x => x.business_id,
                        principalSchema: "subsidy",
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_bank_account_lookup_hash",
                schema: "subsidy",
                table: "disbursements",
                column: "bank_account_lookup_hash");

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_division",
                schema: "subsidy",
                table: "disbursements",
                column: "division");

            migrationBuilder.CreateIndex(
                name: "ux_disbursements_active_per_application",
                schema: "subsidy",
                table: "disbursements",
                column: "application_id",
                unique: true,
                filter: "status IN ('Instructed', 'Paid')");

            migrationBuilder.CreateIndex(
                name: "ix_loans_business_id",
                schema: "subsidy",
                table: "loans",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_loans_division",
                schema: "subsidy",
                table: "loans",
                column: "division");

            migrationBuilder.CreateIndex(
                name: "ix_tax_relief_periods_business_id",
                schema: "subsidy",
                table: "tax_relief_periods",
                column: "business_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disbursements",
                schema: "subsidy");

            migrationBuilder.DropTable(
                name: "loans",
                schema: "subsidy");

            migrationBuilder.DropTable(
                name: "tax_relief_periods",
                schema: "subsidy");

            migrationBuilder.DropColumn(
                name: "tax_relief_grants",
                schema: "subsidy",
                table: "businesses");
        }
    }
}
