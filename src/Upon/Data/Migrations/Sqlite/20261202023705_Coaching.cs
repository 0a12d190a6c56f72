using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Coaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coach_profiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    OffersOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    OffersInPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Regions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorityKinds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConflictAuthorityCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PersonKey = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coach_profiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coach_profiles_people_PersonKey",
                        column: x => x.PersonKey,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "coaching_characteristics",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coaching_characteristics", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "matching_rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WouldLikeWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorityKindWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    InPersonWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matching_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coach_consents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoachId = table.Column<int>(type: "INTEGER", nullable: false),
                    Characteristic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coach_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coach_consents_coach_profiles_CoachId",
                        column: x => x.CoachId,
                        principalTable: "coach_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coaching_relationships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoachId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntitledSessions = table.Column<int>(type: "INTEGER", nullable: false),
                    EntitledMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangeRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coaching_relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coaching_relationships_coach_profiles_CoachId",
                        column: x => x.CoachId,
                        principalTable: "coach_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_coaching_relationships_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coaching_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Must = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WouldLike = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorityKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    AvoidCoachIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PreviousCoachAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RematchFromCoachId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coaching_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coaching_requests_matching_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "matching_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_coaching_requests_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coaching_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RelationshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    InPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Confirmation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QueryReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LoggedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coaching_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coaching_sessions_coaching_relationships_RelationshipId",
                        column: x => x.RelationshipId,
                        principalTable: "coaching_relationships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoachId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_round_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_round_decisions_coach_profiles_CoachId",
                        column: x => x.CoachId,
                        principalTable: "coach_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_round_decisions_coaching_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "coaching_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_round_decisions_matching_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "matching_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "round_proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoachId = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_round_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_round_proposals_coach_profiles_CoachId",
                        column: x => x.CoachId,
                        principalTable: "coach_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_round_proposals_coaching_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "coaching_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_round_proposals_matching_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "matching_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_coach_consents_CoachId_Characteristic",
                table: "coach_consents",
                columns: new[] { "CoachId", "Characteristic" });

            migrationBuilder.CreateIndex(
                name: "IX_coach_profiles_Email",
                table: "coach_profiles",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coach_profiles_PersonKey",
                table: "coach_profiles",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_coaching_relationships_CoachId",
                table: "coaching_relationships",
                column: "CoachId");

            migrationBuilder.CreateIndex(
                name: "IX_coaching_relationships_ParticipantId",
                table: "coaching_relationships",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_coaching_requests_ParticipantId",
                table: "coaching_requests",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_coaching_requests_RoundId_ParticipantId",
                table: "coaching_requests",
                columns: new[] { "RoundId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coaching_sessions_RelationshipId",
                table: "coaching_sessions",
                column: "RelationshipId");

            migrationBuilder.CreateIndex(
                name: "IX_matching_rounds_Name",
                table: "matching_rounds",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_round_decisions_CoachId",
                table: "round_decisions",
                column: "CoachId");

            migrationBuilder.CreateIndex(
                name: "IX_round_decisions_RequestId",
                table: "round_decisions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_round_decisions_RoundId_RequestId_CoachId",
                table: "round_decisions",
                columns: new[] { "RoundId", "RequestId", "CoachId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_round_proposals_CoachId",
                table: "round_proposals",
                column: "CoachId");

            migrationBuilder.CreateIndex(
                name: "IX_round_proposals_RequestId",
                table: "round_proposals",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_round_proposals_RoundId_RequestId",
                table: "round_proposals",
                columns: new[] { "RoundId", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coach_consents");

            migrationBuilder.DropTable(
                name: "coaching_characteristics");

            migrationBuilder.DropTable(
                name: "coaching_sessions");

            migrationBuilder.DropTable(
                name: "round_decisions");

            migrationBuilder.DropTable(
                name: "round_proposals");

            migrationBuilder.DropTable(
                name: "coaching_relationships");

            migrationBuilder.DropTable(
                name: "coaching_requests");

            migrationBuilder.DropTable(
                name: "coach_profiles");

            migrationBuilder.DropTable(
                name: "matching_rounds");
        }
    }
}
