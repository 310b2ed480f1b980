using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CrisisPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CrisisPlanUpdatedOn",
                table: "Projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CrisisSigns",
                table: "Projects",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CrisisWhatHelps",
                table: "Projects",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CrisisWhoToCall",
                table: "Projects",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CrisisPlanUpdatedOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CrisisSigns",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CrisisWhatHelps",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CrisisWhoToCall",
                table: "Projects");
        }
    }
}
