using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Subsidy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    case_worker_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    documents = table.Column<string>(type: "jsonb", nullable: false),
                    stage_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stage_owner_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    pre_reviewer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    approver_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    first_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reasons = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_policies_policy_id",
                        column: x => x.policy_id,
                        principalSchema: "subsidy",
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_budgets",
                schema: "subsidy",
                columns: table => new
                {
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    reserved = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_budgets", x => new { x.policy_id, x.year });
                    table.CheckConstraint("ck_policy_budgets_reserved_not_negative", "reserved >= 0");
                    table.ForeignKey(
                        name: "fk_policy_budgets_policies_policy_id",
                        column: x => x.policy_id,
                        principalSchema: "subsidy",
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_events",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_events_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "subsidy",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_uploads",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_uploads", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_uploads_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "subsidy",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_application_events_application_id",
                schema: "subsidy",
                table: "application_events",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_uploads_application_id",
                schema: "subsidy",
                table: "application_uploads",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_division",
                schema: "subsidy",
                table: "applications",
                column: "division");

            migrationBuilder.CreateIndex(
                name: "ix_applications_in_review_due",
                schema: "subsidy",
                table: "applications",
                column: "stage_due_at",
                filter: "status IN ('PendingPreReview', 'PendingApproval')");

            migrationBuilder.CreateIndex(
                name: "ix_applications_policy_id",
                schema: "subsidy",
                table: "applications",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_worker_id_policy_id",
                schema: "subsidy",
                table: "applications",
                columns: new[] { "worker_id", "policy_id" },
                unique: true,
                filter: "status <> 'Rejected'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_events",
                schema: "subsidy");

            migrationBuilder.DropTable(
                name: "application_uploads",
                schema: "subsidy");

            migrationBuilder.DropTable(
                name: "policy_budgets",
                schema: "subsidy");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "subsidy");
        }
    }
}
