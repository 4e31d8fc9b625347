using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.Domain.Migrations
{
    /// <summary>
    /// Adds <c>pos.ec_stock_sync.first_requested_at</c>, when the first unpushed change of a row came, so the EC
    /// sync can bound how long it waits for a product to be quiet. Pending rows take their latest request time.
    /// </summary>
    public partial class EcSyncFirstRequested : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_requested_at",
                schema: "pos",
                table: "ec_stock_sync",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));
            migrationBuilder.Sql("UPDATE pos.ec_stock_sync SET first_requested_at = requested_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "first_requested_at",
                schema: "pos",
                table: "ec_stock_sync");
        }
    }
}
