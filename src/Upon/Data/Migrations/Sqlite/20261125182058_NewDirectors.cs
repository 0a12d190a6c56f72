using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewDirectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftPostOn",
                table: "enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "enrolments",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Enrolled"); // existing enrolments are plain enrolments

            migrationBuilder.CreateTable(
                name: "director_invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonKey = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorityCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SendOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sends = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecondReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeclinedInConversation = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
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

            // The column and its foreign key in one ALTER TABLE: EF's AddForeignKey would rebuild the table, which needs
            // PRAGMA foreign_keys = 0 outside the transaction and warns at every fresh start. Databases that already ran
            // this migration keep the same constraint under the same name.
            migrationBuilder.Sql(
                "ALTER TABLE \"enrolments\" ADD COLUMN \"InvitationId\" INTEGER NULL " +
                "CONSTRAINT \"FK_enrolments_director_invitations_InvitationId\" REFERENCES \"director_invitations\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.CreateTable(
                name: "enrolment_status_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
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
