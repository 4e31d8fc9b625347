using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workers.TaskManager.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialTaskStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "taskmanager");

            migrationBuilder.CreateTable(
                name: "task_errors",
                schema: "taskmanager",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    worker = table.Column<string>(type: "text", nullable: false),
                    task_type = table.Column<string>(type: "text", nullable: true),
                    message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    group_id = table.Column<string>(type: "text", nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    permanent = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    exception_type = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    stack_trace = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_errors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_rejections",
                schema: "taskmanager",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    step = table.Column<string>(type: "text", nullable: false),
                    item_key = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_rejections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_steps",
                schema: "taskmanager",
                columns: table => new
                {
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    step = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_steps", x => new { x.task_id, x.step });
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                schema: "taskmanager",
                columns: table => new
                {
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    worker = table.Column<string>(type: "text", nullable: false),
                    task_type = table.Column<string>(type: "text", nullable: false),
                    group_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    chunk_size = table.Column<int>(type: "integer", nullable: true),
                    chunks_total = table.Column<int>(type: "integer", nullable: true),
                    chunks_done = table.Column<int>(type: "integer", nullable: false),
                    items_total = table.Column<long>(type: "bigint", nullable: true),
                    items_done = table.Column<long>(type: "bigint", nullable: false),
                    items_rejected = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_ms = table.Column<double>(type: "double precision", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.task_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_errors_message_id",
                schema: "taskmanager",
                table: "task_errors",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_errors_occurred_at",
                schema: "taskmanager",
                table: "task_errors",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_task_errors_task_id",
                schema: "taskmanager",
                table: "task_errors",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_rejections_task_id",
                schema: "taskmanager",
                table: "task_rejections",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_worker_updated_at",
                schema: "taskmanager",
                table: "tasks",
                columns: new[] { "worker", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_errors",
                schema: "taskmanager");

            migrationBuilder.DropTable(
                name: "task_rejections",
                schema: "taskmanager");

            migrationBuilder.DropTable(
                name: "task_steps",
                schema: "taskmanager");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "taskmanager");
        }
    }
}
