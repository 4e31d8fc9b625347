using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workers.TaskManager.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TransactionalOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "taskmanager",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_worker = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    target_worker = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    task_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    group_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_due_at",
                schema: "taskmanager",
                table: "outbox",
                column: "due_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_sent_at",
                schema: "taskmanager",
                table: "outbox",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_target_worker_group_id_id",
                schema: "taskmanager",
                table: "outbox",
                columns: new[] { "target_worker", "group_id", "id" },
                filter: "sent_at IS NULL AND attempts > 0");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_task_id",
                schema: "taskmanager",
                table: "outbox",
                column: "task_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox",
                schema: "taskmanager");
        }
    }
}
