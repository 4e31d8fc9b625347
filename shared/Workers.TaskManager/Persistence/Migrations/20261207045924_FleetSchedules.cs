using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.TaskManager.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FleetSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schedule_runs",
                schema: "taskmanager",
                columns: table => new
                {
                    schedule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurrence_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    skipped_count = table.Column<long>(type: "bigint", nullable: false),
                    skipped_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schedule_runs", x => new { x.schedule, x.occurrence_at });
                });

            migrationBuilder.CreateTable(
                name: "schedules",
                schema: "taskmanager",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    worker = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cron = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schedules", x => x.name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schedule_runs",
                schema: "taskmanager");

            migrationBuilder.DropTable(
                name: "schedules",
                schema: "taskmanager");
        }
    }
}
