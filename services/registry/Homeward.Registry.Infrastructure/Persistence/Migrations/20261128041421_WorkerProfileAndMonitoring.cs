using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Registry.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkerProfileAndMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "certificates",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "education",
                schema: "registry",
                table: "workers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entrepreneurship",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "family",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_recommended_at",
                schema: "registry",
                table: "workers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_intention",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_confirmed_at",
                schema: "registry",
                table: "workers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_visited_at",
                schema: "registry",
                table: "workers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "name_pinyin",
                schema: "registry",
                table: "workers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "prior_work",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "residence",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                schema: "registry",
                table: "workers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "returned_on",
                schema: "registry",
                table: "workers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "skill_keys",
                schema: "registry",
                table: "workers",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "skills",
                schema: "registry",
                table: "workers",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "registry",
                table: "workers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "SeekingWork");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_as_of",
                schema: "registry",
                table: "workers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string[]>(
                name: "training_needs",
                schema: "registry",
                table: "workers",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            // Records registered before this migration: confirmed when last updated, status known since registration.
            migrationBuilder.Sql("UPDATE registry.workers SET last_confirmed_at = updated_at, status_as_of = registered_at;");

            migrationBuilder.CreateTable(
                name: "discrepancies",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    recorded_value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    observed_value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolution_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discrepancies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_jobs",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scope_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    processed_rows = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<string>(type: "jsonb", nullable: false),
                    failure = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "observations",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    discrepancy_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    household_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "verifications",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    corrected_fields = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_files",
                schema: "registry",
                columns: table => new
                {
                    import_job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_files", x => x.import_job_id);
                    table.ForeignKey(
                        name: "fk_import_files_import_jobs_import_job_id",
                        column: x => x.import_job_id,
                        principalSchema: "registry",
                        principalTable: "import_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workers_household_division_last_confirmed_at",
                schema: "registry",
                table: "workers",
                columns: new[] { "household_division", "last_confirmed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_name",
                schema: "registry",
                table: "workers",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_name_pinyin",
                schema: "registry",
                table: "workers",
                column: "name_pinyin")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_skill_keys",
                schema: "registry",
                table: "workers",
                column: "skill_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_workers_status",
                schema: "registry",
                table: "workers",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_workers_updated_at",
                schema: "registry",
                table: "workers",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_discrepancies_household_division_opened_at",
                schema: "registry",
                table: "discrepancies",
                columns: new[] { "household_division", "opened_at" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_discrepancies_worker_id_field",
                schema: "registry",
                table: "discrepancies",
                columns: new[] { "worker_id", "field" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_created_at",
                schema: "registry",
                table: "import_jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status",
                schema: "registry",
                table: "import_jobs",
                column: "status",
                filter: "status IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_observations_worker_id_observed_at",
                schema: "registry",
                table: "observations",
                columns: new[] { "worker_id", "observed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_recorded_at",
                schema: "registry",
                table: "status_changes",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_worker_id_changed_at",
                schema: "registry",
                table: "status_changes",
                columns: new[] { "worker_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_verifications_household_division_verified_at",
                schema: "registry",
                table: "verifications",
                columns: new[] { "household_division", "verified_at" });

            migrationBuilder.CreateIndex(
                name: "ix_verifications_worker_id",
                schema: "registry",
                table: "verifications",
                column: "worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "discrepancies",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "import_files",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "observations",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "status_changes",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "verifications",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "import_jobs",
                schema: "registry");

            migrationBuilder.DropIndex(
                name: "ix_workers_household_division_last_confirmed_at",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_name",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_name_pinyin",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_skill_keys",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_status",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_updated_at",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "certificates",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "education",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "entrepreneurship",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "family",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "first_recommended_at",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "job_intention",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "last_confirmed_at",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "last_visited_at",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "name_pinyin",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "prior_work",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "residence",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "return_reason",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "returned_on",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "skill_keys",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "skills",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "status_as_of",
                schema: "registry",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "training_needs",
                schema: "registry",
                table: "workers");
        }
    }
}
