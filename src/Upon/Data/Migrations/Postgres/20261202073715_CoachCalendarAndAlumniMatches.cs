using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoachCalendarAndAlumniMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CalendarTokenCreatedAt",
                table: "coach_profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarTokenHash",
                table: "coach_profiles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alumni_match_rejections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    PersonKey = table.Column<int>(type: "integer", nullable: false),
                    RejectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RejectedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alumni_match_rejections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alumni_match_rejections_aspirant_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_alumni_match_rejections_people_PersonKey",
                        column: x => x.PersonKey,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_coach_profiles_CalendarTokenHash",
                table: "coach_profiles",
                column: "CalendarTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alumni_match_rejections_ApplicationId_PersonKey",
                table: "alumni_match_rejections",
                columns: new[] { "ApplicationId", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alumni_match_rejections_PersonKey",
                table: "alumni_match_rejections",
                column: "PersonKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alumni_match_rejections");

            migrationBuilder.DropIndex(
                name: "IX_coach_profiles_CalendarTokenHash",
                table: "coach_profiles");

            migrationBuilder.DropColumn(
                name: "CalendarTokenCreatedAt",
                table: "coach_profiles");

            migrationBuilder.DropColumn(
                name: "CalendarTokenHash",
                table: "coach_profiles");
        }
    }
}
