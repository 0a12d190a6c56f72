using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_forms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StrandId = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_forms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_forms_strands_StrandId",
                        column: x => x.StrandId,
                        principalTable: "strands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Answered = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_requests_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_feedback_requests_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback_questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_questions_feedback_forms_FormId",
                        column: x => x.FormId,
                        principalTable: "feedback_forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Hand-written: WITHOUT ROWID, so that the anonymous answers are stored in the order of their random keys.
            // An ordinary SQLite table keeps a hidden rowid that counts up in the order rows were written, which could be
            // matched to the order people answered in.
            migrationBuilder.Sql("""
                CREATE TABLE "feedback_responses" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_feedback_responses" PRIMARY KEY,
                    "SessionId" INTEGER NOT NULL,
                    "FormId" INTEGER NOT NULL,
                    CONSTRAINT "FK_feedback_responses_feedback_forms_FormId" FOREIGN KEY ("FormId") REFERENCES "feedback_forms" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_feedback_responses_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE RESTRICT
                ) WITHOUT ROWID;
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "feedback_answers" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_feedback_answers" PRIMARY KEY,
                    "ResponseId" TEXT NOT NULL,
                    "QuestionId" INTEGER NOT NULL,
                    "Rating" INTEGER NULL,
                    "Text" TEXT NULL,
                    CONSTRAINT "FK_feedback_answers_feedback_questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "feedback_questions" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_feedback_answers_feedback_responses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "feedback_responses" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_QuestionId",
                table: "feedback_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_ResponseId",
                table: "feedback_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_forms_StrandId_SessionType",
                table: "feedback_forms",
                columns: new[] { "StrandId", "SessionType" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_questions_FormId_Position",
                table: "feedback_questions",
                columns: new[] { "FormId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_requests_Answered_ClosesOn",
                table: "feedback_requests",
                columns: new[] { "Answered", "ClosesOn" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_requests_ParticipantId",
                table: "feedback_requests",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_requests_SessionId_ParticipantId",
                table: "feedback_requests",
                columns: new[] { "SessionId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_responses_FormId",
                table: "feedback_responses",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_responses_SessionId",
                table: "feedback_responses",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_answers");

            migrationBuilder.DropTable(
                name: "feedback_requests");

            migrationBuilder.DropTable(
                name: "feedback_questions");

            migrationBuilder.DropTable(
                name: "feedback_responses");

            migrationBuilder.DropTable(
                name: "feedback_forms");
        }
    }
}
