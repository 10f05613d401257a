using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.JobMatching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CandidateReach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reach",
                schema: "jobmatching",
                table: "candidates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Anywhere");

            // Candidates projected before the column existed get their reach from the intention they hold.
            migrationBuilder.Sql(
                """
                UPDATE jobmatching.candidates SET reach = CASE
                    WHEN intention IS NULL OR intention = 'null'::jsonb THEN 'Anywhere'
                    WHEN (intention->>'mustStayNearFamily')::boolean THEN 'HomeCounty'
                    WHEN intention->>'where' = 'homeCounty' THEN 'HomeCounty'
                    WHEN intention->>'where' = 'city' THEN 'City'
                    WHEN intention->>'where' = 'partnerCities' THEN 'PartnerCities'
                    ELSE 'Anywhere'
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reach",
                schema: "jobmatching",
                table: "candidates");
        }
    }
}
