using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Training.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrainingNeedCountsPerVillageAndTrade : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "training_need_counts",
                schema: "training",
                columns: table => new
                {
                    division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    workers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_need_counts", x => new { x.division, x.trade_code });
                });

            // The workers already projected are counted once here; from now on the projection moves the counts.
            migrationBuilder.Sql(
                """
                INSERT INTO training.training_need_counts (division, trade_code, workers)
                SELECT w.household_division, need, count(*)
                FROM training.workers w CROSS JOIN LATERAL unnest(w.training_needs) AS need
                WHERE w.registered_at IS NOT NULL
                GROUP BY w.household_division, need
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_need_counts",
                schema: "training");
        }
    }
}
