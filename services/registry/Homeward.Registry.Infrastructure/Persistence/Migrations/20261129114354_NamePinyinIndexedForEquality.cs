using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homeward.Registry.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NamePinyinIndexedForEquality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_name_pinyin",
                schema: "registry",
                table: "workers");

            migrationBuilder.CreateIndex(
                name: "ix_workers_name_pinyin",
                schema: "registry",
                table: "workers",
                column: "name_pinyin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_name_pinyin",
                schema: "registry",
                table: "workers");

            migrationBuilder.CreateIndex(
                name: "ix_workers_name_pinyin",
                schema: "registry",
                table: "workers",
                column: "name_pinyin")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
