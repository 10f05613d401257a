using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Training.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkersCatalogSessionsCertificatesAndOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "employment_records",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employment_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prior_learning_assessments",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    theory_score = table.Column<int>(type: "integer", nullable: false),
                    practical_score = table.Column<int>(type: "integer", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    assessor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prior_learning_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "providers",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "skill_gaps",
                schema: "training",
                columns: table => new
                {
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    unfilled_headcount = table.Column<int>(type: "integer", nullable: false),
                    gap = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_gaps", x => new { x.trade_code, x.level, x.division });
                });

            migrationBuilder.CreateTable(
                name: "workers",
                schema: "training",
                columns: table => new
                {
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    household_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    profile_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    training_needs = table.Column<string[]>(type: "text[]", nullable: false),
                    facts_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workers", x => x.worker_id);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    theory_hours = table.Column<int>(type: "integer", nullable: false),
                    practical_hours = table.Column<int>(type: "integer", nullable: false),
                    syllabus = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_courses_providers_provider_id",
                        column: x => x.provider_id,
                        principalSchema: "training",
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    instructors = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enrolled_count = table.Column<int>(type: "integer", nullable: false),
                    arrivals = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_seats", "enrolled_count >= 0 AND enrolled_count <= capacity");
                    table.ForeignKey(
                        name: "fk_sessions_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "training",
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sessions_providers_provider_id",
                        column: x => x.provider_id,
                        principalSchema: "training",
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrollments",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    arrival = table.Column<long>(type: "bigint", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    theory_score = table.Column<int>(type: "integer", nullable: true),
                    practical_score = table.Column<int>(type: "integer", nullable: true),
                    passed = table.Column<bool>(type: "boolean", nullable: true),
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrollments_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "training",
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lessons",
                schema: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hours = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lessons", x => x.id);
                    table.ForeignKey(
                        name: "fk_lessons_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "training",
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendances",
                schema: "training",
                columns: table => new
                {
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrollment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendances", x => new { x.lesson_id, x.enrollment_id });
                    table.ForeignKey(
                        name: "fk_attendances_enrollments_enrollment_id",
                        column: x => x.enrollment_id,
                        principalSchema: "training",
                        principalTable: "enrollments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attendances_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalSchema: "training",
                        principalTable: "lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attendances_enrollment_id",
                schema: "training",
                table: "attendances",
                column: "enrollment_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                schema: "training",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_source_id",
                schema: "training",
                table: "certificates",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_worker_division",
                schema: "training",
                table: "certificates",
                column: "worker_division");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_worker_id",
                schema: "training",
                table: "certificates",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_provider_id",
                schema: "training",
                table: "courses",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_trade_code",
                schema: "training",
                table: "courses",
                column: "trade_code");

            migrationBuilder.CreateIndex(
                name: "ix_employment_records_worker_id_started_on",
                schema: "training",
                table: "employment_records",
                columns: new[] { "worker_id", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_session_id_arrival",
                schema: "training",
                table: "enrollments",
                columns: new[] { "session_id", "arrival" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_session_id_worker_id",
                schema: "training",
                table: "enrollments",
                columns: new[] { "session_id", "worker_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_worker_division",
                schema: "training",
                table: "enrollments",
                column: "worker_division");

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_worker_id",
                schema: "training",
                table: "enrollments",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_lessons_session_id",
                schema: "training",
                table: "lessons",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_prior_learning_assessments_worker_id",
                schema: "training",
                table: "prior_learning_assessments",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_course_id",
                schema: "training",
                table: "sessions",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_division_trade_code",
                schema: "training",
                table: "sessions",
                columns: new[] { "division", "trade_code" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_provider_id",
                schema: "training",
                table: "sessions",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_workers_household_division",
                schema: "training",
                table: "workers",
                column: "household_division");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendances",
                schema: "training");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "training");

            migrationBuilder.DropTable(
                name: "employment_records",
                schema: "training");

            migrationBuilder.DropTable(
                name: "prior_learning_assessments",
                schema: "training");

            migrationBuilder.DropTable(
                name: "skill_gaps",
                schema: "training");

            migrationBuilder.DropTable(
                name: "workers",
                schema: "training");

            migrationBuilder.DropTable(
                name: "enrollments",
                schema: "training");

            migrationBuilder.DropTable(
                name: "lessons",
                schema: "training");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "training");

            migrationBuilder.DropTable(
                name: "courses",
                schema: "training");

            migrationBuilder.DropTable(
                name: "providers",
                schema: "training");
        }
    }
}
