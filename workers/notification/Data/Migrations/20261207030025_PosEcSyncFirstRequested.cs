using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.Notification.Data.Migrations
{
    /// <summary>
    /// Nothing to do here: it records in this context's snapshot the pos model change of
    /// <c>shared/Workers.Domain</c>'s EcSyncFirstRequested (this context maps the pos tables but leaves their
    /// migrations to PosDbContext), so EF finds no pending model change.
    /// </summary>
    public partial class PosEcSyncFirstRequested : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
