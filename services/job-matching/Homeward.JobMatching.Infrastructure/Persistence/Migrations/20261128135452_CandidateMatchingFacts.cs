using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CandidateMatchingFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "certificates",
                schema: "jobmatching",
                table: "candidates",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "education",
                schema: "jobmatching",
                table: "candidates",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "facts_as_of",
                schema: "jobmatching",
                table: "candidates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "intention",
                schema: "jobmatching",
                table: "candidates",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "residence_division",
                schema: "jobmatching",
                table: "candidates",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "skills",
                schema: "jobmatching",
                table: "candidates",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "jobmatching",
                table: "candidates",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_as_of",
                schema: "jobmatching",
                table: "candidates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string[]>(
                name: "trade_codes",
                schema: "jobmatching",
                table: "candidates",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.CreateIndex(
                name: "ix_candidates_seeking_trades",
                schema: "jobmatching",
                table: "candidates",
                column: "trade_codes",
                filter: "status = 'SeekingWork'")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidates_seeking_trades",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "certificates",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "education",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "facts_as_of",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "intention",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "residence_division",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "skills",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "status_as_of",
                schema: "jobmatching",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "trade_codes",
                schema: "jobmatching",
                table: "candidates");
        }
    }
}
