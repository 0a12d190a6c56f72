using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Upon.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StrandId = table.Column<int>(type: "integer", nullable: true),
                    SessionType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Answered = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "feedback_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_responses_feedback_forms_FormId",
                        column: x => x.FormId,
                        principalTable: "feedback_forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_feedback_responses_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_answers_feedback_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "feedback_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_feedback_answers_feedback_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "feedback_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
