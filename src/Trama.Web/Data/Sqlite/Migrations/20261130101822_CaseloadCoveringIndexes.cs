using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_MentalHealthCentreId",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Id_ProgrammeId_State_NextReviewDue",
                table: "Projects",
                columns: new[] { "Id", "ProgrammeId", "State", "NextReviewDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MentalHealthCentreId_Id",
                table: "Projects",
                columns: new[] { "MentalHealthCentreId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_Id_ProgrammeId_State_NextReviewDue",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_MentalHealthCentreId_Id",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MentalHealthCentreId",
                table: "Projects",
                column: "MentalHealthCentreId");
        }
    }
}
