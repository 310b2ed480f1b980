using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryNearCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServicesAtLocations_LocationId",
                table: "ServicesAtLocations");

            migrationBuilder.DropIndex(
                name: "IX_DirectoryLocations_Latitude_Longitude",
                table: "DirectoryLocations");

            migrationBuilder.CreateIndex(
                name: "IX_ServicesAtLocations_LocationId_ServiceId_Id",
                table: "ServicesAtLocations",
                columns: new[] { "LocationId", "ServiceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServices_Id_Status_Name",
                table: "DirectoryServices",
                columns: new[] { "Id", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLocations_Latitude_Longitude_Id_Name",
                table: "DirectoryLocations",
                columns: new[] { "Latitude", "Longitude", "Id", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServicesAtLocations_LocationId_ServiceId_Id",
                table: "ServicesAtLocations");

            migrationBuilder.DropIndex(
                name: "IX_DirectoryServices_Id_Status_Name",
                table: "DirectoryServices");

            migrationBuilder.DropIndex(
                name: "IX_DirectoryLocations_Latitude_Longitude_Id_Name",
                table: "DirectoryLocations");

            migrationBuilder.CreateIndex(
                name: "IX_ServicesAtLocations_LocationId",
                table: "ServicesAtLocations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLocations_Latitude_Longitude",
                table: "DirectoryLocations",
                columns: new[] { "Latitude", "Longitude" });
        }
    }
}
