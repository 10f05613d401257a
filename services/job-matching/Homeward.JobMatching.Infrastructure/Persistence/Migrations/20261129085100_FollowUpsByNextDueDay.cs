using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpsByNextDueDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "next_follow_up_on",
                schema: "jobmatching",
                table: "placements",
                type: "date",
                nullable: true);

            // The scheduler works out each running placement's next check-in on its first pass from the start date;
            // the check-ins already in the work queues keep it from scheduling any of them twice.
            migrationBuilder.Sql("UPDATE jobmatching.placements SET next_follow_up_on = start_date WHERE end_date IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_placements_next_follow_up_on",
                schema: "jobmatching",
                table: "placements",
                column: "next_follow_up_on",
                filter: "next_follow_up_on IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_placements_next_follow_up_on",
                schema: "jobmatching",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "next_follow_up_on",
                schema: "jobmatching",
                table: "placements");
        }
    }
}
