using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SentReferralsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_FromOrganisationId_CreatedAtUtc",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FromOrganisationId_CreatedAtUtc_ServiceId",
                table: "Referrals",
                columns: new[] { "FromOrganisationId", "CreatedAtUtc", "ServiceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_FromOrganisationId_CreatedAtUtc_ServiceId",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FromOrganisationId_CreatedAtUtc",
                table: "Referrals",
                columns: new[] { "FromOrganisationId", "CreatedAtUtc" });
        }
    }
}
