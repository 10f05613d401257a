using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Registry.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DropWorkersHouseholdDivisionIndexCoveredByComposite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_household_division",
                schema: "registry",
                table: "workers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_workers_household_division",
                schema: "registry",
                table: "workers",
                column: "household_division");
        }
    }
}
