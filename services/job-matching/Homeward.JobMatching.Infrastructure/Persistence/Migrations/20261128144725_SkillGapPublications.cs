using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SkillGapPublications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "skill_gap_publications",
                schema: "jobmatching",
                columns: table => new
                {
                    division = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    gaps = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_gap_publications", x => new { x.division, x.day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "skill_gap_publications",
                schema: "jobmatching");
        }
    }
}
