using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Subsidy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkerFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workers",
                schema: "subsidy",
                columns: table => new
                {
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    household_division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    profile_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    returned_on = table.Column<DateOnly>(type: "date", nullable: true),
                    facts_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_trainings = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workers", x => x.worker_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workers_household_division",
                schema: "subsidy",
                table: "workers",
                column: "household_division");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workers",
                schema: "subsidy");
        }
    }
}
