using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Given = table.Column<bool>(type: "boolean", nullable: false),
                    StatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NoticeVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Document = table.Column<byte[]>(type: "bytea", nullable: true)
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
