using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewDirectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InvitationId",
                table: "enrolments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftPostOn",
                table: "enrolments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "enrolments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Enrolled"); // existing enrolments are plain enrolments

            migrationBuilder.CreateTable(
                name: "director_invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonKey = table.Column<int>(type: "integer", nullable: false),
                    AppointmentId = table.Column<int>(type: "integer", nullable: true),
                    AuthorityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SendOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByHand = table.Column<bool>(type: "boolean", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Sends = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProtectedToken = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstReminderAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecondReminderAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeclinedInConversation = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_director_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_director_invitations_appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_director_invitations_people_PersonKey",
                        column: x => x.PersonKey,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolment_status_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnrolmentId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolment_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrolment_status_changes_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_InvitationId",
                table: "enrolments",
                column: "InvitationId");

            migrationBuilder.CreateIndex(
                name: "IX_director_invitations_AppointmentId",
                table: "director_invitations",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_director_invitations_PersonKey",
                table: "director_invitations",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_director_invitations_StartDate",
                table: "director_invitations",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_director_invitations_Status_SendOn",
                table: "director_invitations",
                columns: new[] { "Status", "SendOn" });

            migrationBuilder.CreateIndex(
                name: "IX_director_invitations_TokenHash",
                table: "director_invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_status_changes_EnrolmentId",
                table: "enrolment_status_changes",
                column: "EnrolmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_enrolments_director_invitations_InvitationId",
                table: "enrolments",
                column: "InvitationId",
                principalTable: "director_invitations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_enrolments_director_invitations_InvitationId",
                table: "enrolments");

            migrationBuilder.DropTable(
                name: "director_invitations");

            migrationBuilder.DropTable(
                name: "enrolment_status_changes");

            migrationBuilder.DropIndex(
                name: "IX_enrolments_InvitationId",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "InvitationId",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "LeftPostOn",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "enrolments");
        }
    }
}
