using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.Domain.Migrations
{
    /// <summary>
    /// Adds <c>pos.sales.held_from</c>, the start of the repeat a repeating sale is in (the rule occurrence whose
    /// sold count the scheduled worker reset), so a second run within the same repeat does not reset it again.
    /// </summary>
    public partial class SaleHeldFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "held_from",
                schema: "pos",
                table: "sales",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "held_from",
                schema: "pos",
                table: "sales");
        }
    }
}
