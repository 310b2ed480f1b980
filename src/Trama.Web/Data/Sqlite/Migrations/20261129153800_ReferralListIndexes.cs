using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferralListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FromOrganisationId_CreatedAtUtc",
                table: "Referrals",
                columns: new[] { "FromOrganisationId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ServiceId_CreatedAtUtc",
                table: "Referrals",
                columns: new[] { "ServiceId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_FromOrganisationId_CreatedAtUtc",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ServiceId_CreatedAtUtc",
                table: "Referrals");
        }
    }
}
