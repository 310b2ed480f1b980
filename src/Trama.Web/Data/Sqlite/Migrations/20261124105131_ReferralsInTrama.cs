using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferralsInTrama : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PersonId",
                table: "Referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ProjectId",
                table: "Referrals",
                column: "ProjectId");

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_People_PersonId",
                table: "Referrals",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Projects_ProjectId",
                table: "Referrals",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_People_PersonId",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Projects_ProjectId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_PersonId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ProjectId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Referrals");
        }
    }
}
