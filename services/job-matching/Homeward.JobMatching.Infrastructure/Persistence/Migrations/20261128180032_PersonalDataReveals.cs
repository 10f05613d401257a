using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataReveals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_data_reveals",
                schema: "jobmatching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revealed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    revealed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revealed_by_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    revealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_reveals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_reveals_employer_id_id",
                schema: "jobmatching",
                table: "personal_data_reveals",
                columns: new[] { "employer_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_reveals",
                schema: "jobmatching");
        }
    }
}
