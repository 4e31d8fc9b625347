using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.Build.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceCrashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "source_crashes",
                schema: "build",
                columns: table => new
                {
                    cache_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    build_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    process_id = table.Column<int>(type: "integer", nullable: false),
                    exit_code = table.Column<int>(type: "integer", nullable: true),
                    crashed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_crashes", x => x.cache_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "source_crashes",
                schema: "build");
        }
    }
}
