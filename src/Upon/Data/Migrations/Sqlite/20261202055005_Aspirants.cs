using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Aspirants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aspirant_cohorts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    MinYearsSenior = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    MaxTiersBelowDcs = table.Column<int>(type: "INTEGER", nullable: true),
                    RequireEndorsement = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScaleMin = table.Column<int>(type: "INTEGER", nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewsPerApplication = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferDeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletionMinTaughtDays = table.Column<int>(type: "INTEGER", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionsReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProgrammeCohortId = table.Column<int>(type: "INTEGER", nullable: true),
                    Imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_cohorts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_cohorts_cohorts_ProgrammeCohortId",
                        column: x => x.ProgrammeCohortId,
                        principalTable: "cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_reviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConflictAuthorityCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    PersonKey = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_reviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_reviewers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_aspirant_reviewers_people_PersonKey",
                        column: x => x.PersonKey,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OtherEmployer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RoleTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    YearsSenior = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    TiersBelowDcs = table.Column<int>(type: "INTEGER", nullable: true),
                    EndorserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndorserEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    BaliGraduate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResumeTokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResumeTokenExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ImportedEligible = table.Column<bool>(type: "INTEGER", nullable: true),
                    EligibilityOverride = table.Column<bool>(type: "INTEGER", nullable: true),
                    EligibilityOverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EligibilityOverriddenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EligibilityOverriddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WaitingPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    TieBreakReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OfferedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfferDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfferRespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfirmedPersonKey = table.Column<int>(type: "INTEGER", nullable: true),
                    Imported = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_applications_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_applications_authorities_AuthorityCode",
                        column: x => x.AuthorityCode,
                        principalTable: "authorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aspirant_applications_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_aspirant_applications_people_ConfirmedPersonKey",
                        column: x => x.ConfirmedPersonKey,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_criteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_criteria_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_questions_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_taught_days",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_taught_days", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_taught_days_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_cohort_reviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_cohort_reviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_cohort_reviewers_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_cohort_reviewers_aspirant_reviewers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "aspirant_reviewers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_conflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_conflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_conflicts_aspirant_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_conflicts_aspirant_reviewers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "aspirant_reviewers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_endorsements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    Endorsed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedByStaff = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_endorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_endorsements_aspirant_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_equality_monitoring",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationKey = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EthnicityPreferNotToSay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    GenderSameAsAtBirth = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SexualOrientation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    LongTermCondition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ActivitiesReduced = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Disabled = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Religion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_equality_monitoring", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_equality_monitoring_aspirant_applications_ApplicationKey",
                        column: x => x.ApplicationKey,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_equality_monitoring_aspirant_cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "aspirant_cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_moderations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_moderations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_moderations_aspirant_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForModeration = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_reviews_aspirant_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_reviews_aspirant_reviewers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "aspirant_reviewers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_answers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_answers_aspirant_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "aspirant_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspirant_answers_aspirant_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "aspirant_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_scores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_scores_aspirant_criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "aspirant_criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aspirant_scores_aspirant_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "aspirant_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspirant_redactions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RedactedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RedactedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspirant_redactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aspirant_redactions_aspirant_answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "aspirant_answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_answers_ApplicationId_QuestionId",
                table: "aspirant_answers",
                columns: new[] { "ApplicationId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_answers_QuestionId",
                table: "aspirant_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_applications_AuthorityCode",
                table: "aspirant_applications",
                column: "AuthorityCode");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_applications_CohortId_ApplicationId",
                table: "aspirant_applications",
                columns: new[] { "CohortId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_applications_ConfirmedPersonKey",
                table: "aspirant_applications",
                column: "ConfirmedPersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_applications_Email",
                table: "aspirant_applications",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_applications_ParticipantId",
                table: "aspirant_applications",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_applications_ResumeTokenHash",
                table: "aspirant_applications",
                column: "ResumeTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_cohort_reviewers_CohortId_ReviewerId",
                table: "aspirant_cohort_reviewers",
                columns: new[] { "CohortId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_cohort_reviewers_ReviewerId",
                table: "aspirant_cohort_reviewers",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_cohorts_Name",
                table: "aspirant_cohorts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_cohorts_ProgrammeCohortId",
                table: "aspirant_cohorts",
                column: "ProgrammeCohortId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_conflicts_ApplicationId_ReviewerId",
                table: "aspirant_conflicts",
                columns: new[] { "ApplicationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_conflicts_ReviewerId",
                table: "aspirant_conflicts",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_criteria_CohortId_Name",
                table: "aspirant_criteria",
                columns: new[] { "CohortId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_endorsements_ApplicationId",
                table: "aspirant_endorsements",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_endorsements_TokenHash",
                table: "aspirant_endorsements",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_equality_monitoring_ApplicationKey",
                table: "aspirant_equality_monitoring",
                column: "ApplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_equality_monitoring_CohortId",
                table: "aspirant_equality_monitoring",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_moderations_ApplicationId",
                table: "aspirant_moderations",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_questions_CohortId",
                table: "aspirant_questions",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_redactions_AnswerId",
                table: "aspirant_redactions",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_reviewers_Email",
                table: "aspirant_reviewers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_reviewers_PersonKey",
                table: "aspirant_reviewers",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_reviewers_UserId",
                table: "aspirant_reviewers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_reviews_ApplicationId_ReviewerId",
                table: "aspirant_reviews",
                columns: new[] { "ApplicationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_reviews_ReviewerId",
                table: "aspirant_reviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_scores_CriterionId",
                table: "aspirant_scores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_scores_ReviewId_CriterionId",
                table: "aspirant_scores",
                columns: new[] { "ReviewId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspirant_taught_days_CohortId_Date",
                table: "aspirant_taught_days",
                columns: new[] { "CohortId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aspirant_cohort_reviewers");

            migrationBuilder.DropTable(
                name: "aspirant_conflicts");

            migrationBuilder.DropTable(
                name: "aspirant_endorsements");

            migrationBuilder.DropTable(
                name: "aspirant_equality_monitoring");

            migrationBuilder.DropTable(
                name: "aspirant_moderations");

            migrationBuilder.DropTable(
                name: "aspirant_redactions");

            migrationBuilder.DropTable(
                name: "aspirant_scores");

            migrationBuilder.DropTable(
                name: "aspirant_taught_days");

            migrationBuilder.DropTable(
                name: "aspirant_answers");

            migrationBuilder.DropTable(
                name: "aspirant_criteria");

            migrationBuilder.DropTable(
                name: "aspirant_reviews");

            migrationBuilder.DropTable(
                name: "aspirant_questions");

            migrationBuilder.DropTable(
                name: "aspirant_applications");

            migrationBuilder.DropTable(
                name: "aspirant_reviewers");

            migrationBuilder.DropTable(
                name: "aspirant_cohorts");
        }
    }
}
