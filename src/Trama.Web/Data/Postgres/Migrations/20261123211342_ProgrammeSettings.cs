using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trama.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PeerHourlyRateCents",
                table: "Programmes",
                type: "bigint",
                nullable: false,
                defaultValue: 1800L);

            migrationBuilder.AddColumn<long>(
                name: "StaffHourlyRateCents",
                table: "Programmes",
                type: "bigint",
                nullable: false,
                defaultValue: 2500L);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Programmes",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<long>(
                name: "VolunteerHourlyRateCents",
                table: "Programmes",
                type: "bigint",
                nullable: false,
                defaultValue: 1500L);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Goals",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEnd",
                table: "BudgetLines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodStart",
                table: "BudgetLines",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentParticipants_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Caregivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LivesWithPerson = table.Column<bool>(type: "boolean", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Caregivers", x => x.Id);
                    table.CheckConstraint("CK_Caregivers_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_Caregivers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalRepresentatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CourtDecree = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MaySignAgreements = table.Column<bool>(type: "boolean", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalRepresentatives", x => x.Id);
                    table.CheckConstraint("CK_LegalRepresentatives_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_LegalRepresentatives_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRoles", x => x.Id);
                    table.CheckConstraint("CK_PersonRoles_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_PersonRoles_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseNames",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NameIt = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseNames", x => new { x.ProgrammeId, x.State });
                    table.ForeignKey(
                        name: "FK_PhaseNames_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TariffTable",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Intensity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HealthShareCents = table.Column<long>(type: "bigint", nullable: false),
                    SocialShareCents = table.Column<long>(type: "bigint", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TariffTable", x => x.Id);
                    table.CheckConstraint("CK_TariffTableEntries_Period", "\"ValidTo\" IS NULL OR \"ValidTo\" >= \"ValidFrom\"");
                    table.CheckConstraint("CK_TariffTableEntries_Shares", "\"HealthShareCents\" >= 0 AND \"SocialShareCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_TariffTable_Territories_TerritoryId",
                        column: x => x.TerritoryId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Programmes_HourlyRates",
                table: "Programmes",
                sql: "\"StaffHourlyRateCents\" >= 0 AND \"PeerHourlyRateCents\" >= 0 AND \"VolunteerHourlyRateCents\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Programmes_ReviewInterval",
                table: "Programmes",
                sql: "\"ReviewIntervalMonths\" BETWEEN 1 AND 24");

            migrationBuilder.AddCheckConstraint(
                name: "CK_BudgetLines_Period",
                table: "BudgetLines",
                sql: "\"PeriodEnd\" IS NULL OR \"PeriodStart\" IS NULL OR \"PeriodEnd\" >= \"PeriodStart\"");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentParticipants_ProjectId_SortOrder",
                table: "AssessmentParticipants",
                columns: new[] { "ProjectId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Caregivers_PersonId",
                table: "Caregivers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRepresentatives_PersonId",
                table: "LegalRepresentatives",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_PersonId_Kind",
                table: "PersonRoles",
                columns: new[] { "PersonId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_TariffTable_TerritoryId_Intensity_ValidFrom",
                table: "TariffTable",
                columns: new[] { "TerritoryId", "Intensity", "ValidFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentParticipants");

            migrationBuilder.DropTable(
                name: "Caregivers");

            migrationBuilder.DropTable(
                name: "LegalRepresentatives");

            migrationBuilder.DropTable(
                name: "PersonRoles");

            migrationBuilder.DropTable(
                name: "PhaseNames");

            migrationBuilder.DropTable(
                name: "TariffTable");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Programmes_HourlyRates",
                table: "Programmes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Programmes_ReviewInterval",
                table: "Programmes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_BudgetLines_Period",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "PeerHourlyRateCents",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "StaffHourlyRateCents",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "VolunteerHourlyRateCents",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "PeriodEnd",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "PeriodStart",
                table: "BudgetLines");
        }
    }
}
