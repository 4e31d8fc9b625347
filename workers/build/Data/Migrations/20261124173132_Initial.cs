using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.Build.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "build");

            migrationBuilder.CreateTable(
                name: "builds",
                schema: "build",
                columns: table => new
                {
                    build_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    engine = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_bytes = table.Column<long>(type: "bigint", nullable: false),
                    options = table.Column<string>(type: "jsonb", nullable: false),
                    toolchain = table.Column<string>(type: "jsonb", nullable: true),
                    cache_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cache_hit = table.Column<bool>(type: "boolean", nullable: false),
                    bundle_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    bundle_bytes = table.Column<long>(type: "bigint", nullable: true),
                    bundle_bucket = table.Column<string>(type: "text", nullable: true),
                    bundle_key = table.Column<string>(type: "text", nullable: true),
                    error_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true),
                    result = table.Column<string>(type: "jsonb", nullable: true),
                    build_ms = table.Column<double>(type: "double precision", nullable: true),
                    total_ms = table.Column<double>(type: "double precision", nullable: true),
                    process_id = table.Column<int>(type: "integer", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_builds", x => x.build_id);
                    table.CheckConstraint("ck_builds_status", "status IN ('running', 'retrying', 'succeeded', 'failed')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_builds_cache_key",
                schema: "build",
                table: "builds",
                column: "cache_key",
                filter: "status = 'succeeded'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "builds",
                schema: "build");
        }
    }
}
