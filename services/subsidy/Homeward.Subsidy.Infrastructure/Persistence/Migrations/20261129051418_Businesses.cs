using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Subsidy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Businesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "businesses",
                schema: "subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    founder_worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sector = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    jobs_created = table.Column<int>(type: "integer", nullable: false),
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_businesses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_businesses_credit_code",
                schema: "subsidy",
                table: "businesses",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_businesses_division",
                schema: "subsidy",
                table: "businesses",
                column: "division");

            migrationBuilder.CreateIndex(
                name: "ix_businesses_founder_worker_id",
                schema: "subsidy",
                table: "businesses",
                column: "founder_worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "businesses",
                schema: "subsidy");
        }
    }
}
