using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Consents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AssessmentObscured",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Given = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticeVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consents_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_OrganisationId",
                table: "Consents",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PersonId_Purpose_RecordedAtUtc",
                table: "Consents",
                columns: new[] { "PersonId", "Purpose", "RecordedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropColumn(
                name: "AssessmentObscured",
                table: "Projects");
        }
    }
}
