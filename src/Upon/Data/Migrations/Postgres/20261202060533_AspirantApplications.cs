using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AspirantApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedToken",
                table: "aspirant_endorsements",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "aspirant_learning_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_learning_sets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_learning_sets_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_learning_set_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_learning_set_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_learning_set_meetings_aspirant_learning_sets_SetId",
                        column: x => x.SetId,
                        principalTable: "aspirant_learning_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_learning_set_meetings_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_learning_set_members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_learning_set_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_learning_set_members_aspirant_applications_Applica~",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_learning_set_members_aspirant_learning_sets_SetId",
                        column: x => x.SetId,
                        principalTable: "aspirant_learning_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_learning_set_meetings_SessionId",
                table: "aspirant_learning_set_meetings",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_learning_set_meetings_SetId",
                table: "aspirant_learning_set_meetings",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_learning_set_members_ApplicationId",
                table: "aspirant_learning_set_members",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_learning_set_members_SetId",
                table: "aspirant_learning_set_members",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_learning_sets_CohortId_Number",
                table: "aspirant_learning_sets",
                columns: new[] { "CohortId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aspirant_learning_set_meetings");

            migrationBuilder.DropTable(
                name: "aspirant_learning_set_members");

            migrationBuilder.DropTable(
                name: "aspirant_learning_sets");

            migrationBuilder.DropColumn(
                name: "ProtectedToken",
                table: "aspirant_endorsements");
        }
    }
}
