using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectListCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_MentalHealthCentreId_Id",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MentalHealthCentreId_State_ProgrammeId_Id_PersonId_ReferredOn_NextReviewDue",
                table: "Projects",
                columns: new[] { "MentalHealthCentreId", "State", "ProgrammeId", "Id", "PersonId", "ReferredOn", "NextReviewDue" });

            migrationBuilder.CreateIndex(
                name: "IX_People_Id_PseudonymousCode_NormalisedName",
                table: "People",
                columns: new[] { "Id", "PseudonymousCode", "NormalisedName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_MentalHealthCentreId_State_ProgrammeId_Id_PersonId_ReferredOn_NextReviewDue",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_People_Id_PseudonymousCode_NormalisedName",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_MentalHealthCentreId_Id",
                table: "Projects",
                columns: new[] { "MentalHealthCentreId", "Id" });
        }
    }
}
