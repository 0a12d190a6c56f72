CREATE TABLE IF NOT EXISTS "__ef_migrations" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "audit_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_events" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "Changes" TEXT NULL,
    "Detail" TEXT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "outbox_messages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox_messages" PRIMARY KEY AUTOINCREMENT,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LockedUntil" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastAttemptAt" TEXT NULL,
    "LastError" TEXT NULL,
    "SentAt" TEXT NULL
);

CREATE TABLE "people" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_people" PRIMARY KEY AUTOINCREMENT,
    "PersonId" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "Email" TEXT NULL
);

CREATE TABLE "problem_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_problem_reports" PRIMARY KEY AUTOINCREMENT,
    "Reference" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Page" TEXT NULL,
    "Message" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "regions" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_regions" PRIMARY KEY,
    "Name" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "account_invitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_account_invitations" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    CONSTRAINT "FK_account_invitations_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "api_tokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_api_tokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserPasskeys" (
    "CredentialId" BLOB NOT NULL CONSTRAINT "PK_AspNetUserPasskeys" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    CONSTRAINT "FK_AspNetUserPasskeys_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "outbox_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox_attachments" PRIMARY KEY AUTOINCREMENT,
    "OutboxMessageId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_outbox_attachments_outbox_messages_OutboxMessageId" FOREIGN KEY ("OutboxMessageId") REFERENCES "outbox_messages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "problem_replies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_problem_replies" PRIMARY KEY AUTOINCREMENT,
    "ProblemReportId" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "SentBy" TEXT NOT NULL,
    "SentByUserId" TEXT NULL,
    "SentAt" TEXT NOT NULL,
    "OutboxMessageId" INTEGER NULL,
    CONSTRAINT "FK_problem_replies_outbox_messages_OutboxMessageId" FOREIGN KEY ("OutboxMessageId") REFERENCES "outbox_messages" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_problem_replies_problem_reports_ProblemReportId" FOREIGN KEY ("ProblemReportId") REFERENCES "problem_reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "authorities" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_authorities" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "OperatingFrom" TEXT NULL,
    "OperatingTo" TEXT NULL,
    CONSTRAINT "FK_authorities_regions_RegionCode" FOREIGN KEY ("RegionCode") REFERENCES "regions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "appointments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_appointments" PRIMARY KEY AUTOINCREMENT,
    "AuthorityCode" TEXT NOT NULL,
    "PersonKey" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "LeavingReason" TEXT NULL,
    "Unplanned" INTEGER NULL,
    CONSTRAINT "FK_appointments_authorities_AuthorityCode" FOREIGN KEY ("AuthorityCode") REFERENCES "authorities" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_appointments_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "authority_gss_codes" (
    "Code" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    CONSTRAINT "PK_authority_gss_codes" PRIMARY KEY ("Code", "ValidFrom"),
    CONSTRAINT "FK_authority_gss_codes_authorities_AuthorityCode" FOREIGN KEY ("AuthorityCode") REFERENCES "authorities" ("Code") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_account_invitations_TokenHash" ON "account_invitations" ("TokenHash");

CREATE INDEX "IX_account_invitations_UserId" ON "account_invitations" ("UserId");

CREATE UNIQUE INDEX "IX_api_tokens_TokenHash" ON "api_tokens" ("TokenHash");

CREATE INDEX "IX_api_tokens_UserId" ON "api_tokens" ("UserId");

CREATE UNIQUE INDEX "IX_appointments_AuthorityCode_PersonKey_StartDate" ON "appointments" ("AuthorityCode", "PersonKey", "StartDate");

CREATE INDEX "IX_appointments_AuthorityCode_StartDate" ON "appointments" ("AuthorityCode", "StartDate");

CREATE INDEX "IX_appointments_PersonKey" ON "appointments" ("PersonKey");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserPasskeys_UserId" ON "AspNetUserPasskeys" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_audit_events_At" ON "audit_events" ("At");

CREATE INDEX "IX_audit_events_EntityType_EntityId" ON "audit_events" ("EntityType", "EntityId");

CREATE INDEX "IX_audit_events_UserId" ON "audit_events" ("UserId");

CREATE INDEX "IX_authorities_RegionCode" ON "authorities" ("RegionCode");

CREATE INDEX "IX_authority_gss_codes_AuthorityCode" ON "authority_gss_codes" ("AuthorityCode");

CREATE INDEX "IX_outbox_attachments_OutboxMessageId" ON "outbox_attachments" ("OutboxMessageId");

CREATE INDEX "IX_outbox_messages_ClaimedBy" ON "outbox_messages" ("ClaimedBy");

CREATE INDEX "IX_outbox_messages_SentAt_NextAttemptAt" ON "outbox_messages" ("SentAt", "NextAttemptAt");

CREATE UNIQUE INDEX "IX_people_PersonId" ON "people" ("PersonId");

CREATE INDEX "IX_problem_replies_OutboxMessageId" ON "problem_replies" ("OutboxMessageId");

CREATE INDEX "IX_problem_replies_ProblemReportId" ON "problem_replies" ("ProblemReportId");

CREATE INDEX "IX_problem_reports_ReceivedAt" ON "problem_reports" ("ReceivedAt");

CREATE UNIQUE INDEX "IX_problem_reports_Reference" ON "problem_reports" ("Reference");

CREATE INDEX "IX_problem_reports_Status_ReceivedAt" ON "problem_reports" ("Status", "ReceivedAt");

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261125170723_Initial', '10.0.15');

CREATE TABLE "bank_holidays" (
    "Date" TEXT NOT NULL CONSTRAINT "PK_bank_holidays" PRIMARY KEY,
    "Title" TEXT NOT NULL
);

CREATE TABLE "participants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_participants" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NULL,
    "PersonKey" INTEGER NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "CalendarTokenHash" TEXT NULL,
    "CalendarTokenCreatedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_participants_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_participants_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE SET NULL
);

CREATE TABLE "strands" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_strands" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "HasCohorts" INTEGER NOT NULL,
    "DisplayOrder" INTEGER NOT NULL
);

CREATE TABLE "cohorts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_cohorts" PRIMARY KEY AUTOINCREMENT,
    "StrandId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    CONSTRAINT "FK_cohorts_strands_StrandId" FOREIGN KEY ("StrandId") REFERENCES "strands" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "enrolments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_enrolments" PRIMARY KEY AUTOINCREMENT,
    "ParticipantId" INTEGER NOT NULL,
    "StrandId" INTEGER NOT NULL,
    "CohortId" INTEGER NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NULL,
    CONSTRAINT "FK_enrolments_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "cohorts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_enrolments_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_enrolments_strands_StrandId" FOREIGN KEY ("StrandId") REFERENCES "strands" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "sessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sessions" PRIMARY KEY AUTOINCREMENT,
    "Uid" TEXT NOT NULL,
    "StrandId" INTEGER NOT NULL,
    "CohortId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    "StartUtc" TEXT NOT NULL,
    "EndUtc" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Venue" TEXT NULL,
    "VideoLink" TEXT NULL,
    "Facilitators" TEXT NULL,
    "Description" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CircumstancesPermitting" INTEGER NOT NULL,
    "ChangeNote" TEXT NULL,
    "Sequence" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_sessions_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "cohorts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_sessions_strands_StrandId" FOREIGN KEY ("StrandId") REFERENCES "strands" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "apologies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_apologies" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "FK_apologies_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_apologies_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "attendance_records" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_attendance_records" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "Mark" TEXT NOT NULL,
    "Minutes" INTEGER NULL,
    "Source" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NULL,
    CONSTRAINT "FK_attendance_records_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_attendance_records_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "bookings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_bookings" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Queue" INTEGER NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "BookedAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "RequestedByUserId" TEXT NULL,
    CONSTRAINT "FK_bookings_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_bookings_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_apologies_ParticipantId" ON "apologies" ("ParticipantId");

CREATE UNIQUE INDEX "IX_apologies_SessionId_ParticipantId" ON "apologies" ("SessionId", "ParticipantId");

CREATE INDEX "IX_attendance_records_ParticipantId" ON "attendance_records" ("ParticipantId");

CREATE UNIQUE INDEX "IX_attendance_records_SessionId_ParticipantId" ON "attendance_records" ("SessionId", "ParticipantId");

CREATE INDEX "IX_bookings_ParticipantId" ON "bookings" ("ParticipantId");

CREATE UNIQUE INDEX "IX_bookings_SessionId_ParticipantId" ON "bookings" ("SessionId", "ParticipantId");

CREATE INDEX "IX_bookings_SessionId_Status_Queue" ON "bookings" ("SessionId", "Status", "Queue");

CREATE UNIQUE INDEX "IX_cohorts_StrandId_Name" ON "cohorts" ("StrandId", "Name");

CREATE INDEX "IX_enrolments_CohortId" ON "enrolments" ("CohortId");

CREATE INDEX "IX_enrolments_ParticipantId_StrandId" ON "enrolments" ("ParticipantId", "StrandId");

CREATE INDEX "IX_enrolments_StrandId" ON "enrolments" ("StrandId");

CREATE UNIQUE INDEX "IX_participants_CalendarTokenHash" ON "participants" ("CalendarTokenHash");

CREATE UNIQUE INDEX "IX_participants_Email" ON "participants" ("Email");

CREATE INDEX "IX_participants_PersonKey" ON "participants" ("PersonKey");

CREATE UNIQUE INDEX "IX_participants_UserId" ON "participants" ("UserId");

CREATE INDEX "IX_sessions_CohortId" ON "sessions" ("CohortId");

CREATE INDEX "IX_sessions_StartUtc" ON "sessions" ("StartUtc");

CREATE INDEX "IX_sessions_StrandId_StartUtc" ON "sessions" ("StrandId", "StartUtc");

CREATE UNIQUE INDEX "IX_sessions_Uid" ON "sessions" ("Uid");

CREATE UNIQUE INDEX "IX_strands_Slug" ON "strands" ("Slug");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261125174505_Sessions', '10.0.15');

ALTER TABLE "enrolments" ADD "LeftPostOn" TEXT NULL;

ALTER TABLE "enrolments" ADD "Status" TEXT NOT NULL DEFAULT 'Enrolled';

CREATE TABLE "director_invitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_director_invitations" PRIMARY KEY AUTOINCREMENT,
    "PersonKey" INTEGER NOT NULL,
    "AppointmentId" INTEGER NULL,
    "AuthorityCode" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "RecordedOn" TEXT NOT NULL,
    "SendOn" TEXT NOT NULL,
    "DueBy" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ByHand" INTEGER NOT NULL,
    "Email" TEXT NULL,
    "SentAt" TEXT NULL,
    "SentOn" TEXT NULL,
    "Sends" INTEGER NOT NULL,
    "TokenHash" TEXT NULL,
    "ProtectedToken" TEXT NULL,
    "ExpiresAt" TEXT NULL,
    "FirstReminderAt" TEXT NULL,
    "SecondReminderAt" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredOn" TEXT NULL,
    "DeclineReason" TEXT NULL,
    "DeclinedInConversation" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_director_invitations_appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "appointments" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_director_invitations_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE RESTRICT
);

ALTER TABLE "enrolments" ADD COLUMN "InvitationId" INTEGER NULL CONSTRAINT "FK_enrolments_director_invitations_InvitationId" REFERENCES "director_invitations" ("Id") ON DELETE SET NULL;

CREATE TABLE "enrolment_status_changes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_enrolment_status_changes" PRIMARY KEY AUTOINCREMENT,
    "EnrolmentId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NULL,
    CONSTRAINT "FK_enrolment_status_changes_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "enrolments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_enrolments_InvitationId" ON "enrolments" ("InvitationId");

CREATE INDEX "IX_director_invitations_AppointmentId" ON "director_invitations" ("AppointmentId");

CREATE INDEX "IX_director_invitations_PersonKey" ON "director_invitations" ("PersonKey");

CREATE INDEX "IX_director_invitations_StartDate" ON "director_invitations" ("StartDate");

CREATE INDEX "IX_director_invitations_Status_SendOn" ON "director_invitations" ("Status", "SendOn");

CREATE UNIQUE INDEX "IX_director_invitations_TokenHash" ON "director_invitations" ("TokenHash");

CREATE INDEX "IX_enrolment_status_changes_EnrolmentId" ON "enrolment_status_changes" ("EnrolmentId");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261125182058_NewDirectors', '10.0.15');

CREATE TABLE "equality_information" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_equality_information" PRIMARY KEY AUTOINCREMENT,
    "ParticipantId" INTEGER NOT NULL,
    "EthnicityCode" TEXT NULL,
    "Sex" TEXT NOT NULL,
    "Disability" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_equality_information_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_equality_information_ParticipantId" ON "equality_information" ("ParticipantId");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261125194042_EqualityInformation', '10.0.15');

ALTER TABLE "api_tokens" ADD "CreatedInSignIn" TEXT NULL;

ALTER TABLE "api_tokens" ADD "CreatedWithPasskey" TEXT NULL;

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202012628_ApiTokenOrigin', '10.0.15');

ALTER TABLE "appointments" ADD "RecordedOn" TEXT NULL;

CREATE TABLE "pending_uploads" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pending_uploads" PRIMARY KEY,
    "UploadedBy" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "FileContent" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);

CREATE INDEX "IX_pending_uploads_ExpiresAt" ON "pending_uploads" ("ExpiresAt");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202013019_ImportsAndUploads', '10.0.15');

CREATE TABLE "coach_profiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_coach_profiles" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "OffersOnline" INTEGER NOT NULL,
    "OffersInPerson" INTEGER NOT NULL,
    "Regions" TEXT NOT NULL,
    "AuthorityKinds" TEXT NOT NULL,
    "ConflictAuthorityCodes" TEXT NOT NULL,
    "PersonKey" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_coach_profiles_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE SET NULL
);

CREATE TABLE "coaching_characteristics" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_coaching_characteristics" PRIMARY KEY,
    "Label" TEXT NOT NULL
);

CREATE TABLE "matching_rounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_matching_rounds" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "WouldLikeWeight" INTEGER NOT NULL,
    "AuthorityKindWeight" INTEGER NOT NULL,
    "InPersonWeight" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RunAt" TEXT NULL,
    "PublishedAt" TEXT NULL
);

CREATE TABLE "coach_consents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_coach_consents" PRIMARY KEY AUTOINCREMENT,
    "CoachId" INTEGER NOT NULL,
    "Characteristic" TEXT NOT NULL,
    "GivenOn" TEXT NOT NULL,
    "WithdrawnOn" TEXT NULL,
    CONSTRAINT "FK_coach_consents_coach_profiles_CoachId" FOREIGN KEY ("CoachId") REFERENCES "coach_profiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "coaching_relationships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_coaching_relationships" PRIMARY KEY AUTOINCREMENT,
    "CoachId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "RoundId" INTEGER NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "EntitledSessions" INTEGER NOT NULL,
    "EntitledMinutes" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StatusReason" TEXT NULL,
    "StatusChangedOn" TEXT NULL,
    "ChangeRequestedOn" TEXT NULL,
    CONSTRAINT "FK_coaching_relationships_coach_profiles_CoachId" FOREIGN KEY ("CoachId") REFERENCES "coach_profiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_coaching_relationships_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE CASCADE
);

CREATE TABLE "coaching_requests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_coaching_requests" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "AuthorityCode" TEXT NULL,
    "Must" TEXT NOT NULL,
    "WouldLike" TEXT NOT NULL,
    "AuthorityKind" TEXT NULL,
    "Mode" TEXT NOT NULL,
    "Region" TEXT NULL,
    "AvoidCoachIds" TEXT NOT NULL,
    "PreviousCoachAllowed" INTEGER NOT NULL,
    "RematchFromCoachId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_coaching_requests_matching_rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "matching_rounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_coaching_requests_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE CASCADE
);

CREATE TABLE "coaching_sessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_coaching_sessions" PRIMARY KEY AUTOINCREMENT,
    "RelationshipId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Minutes" INTEGER NOT NULL,
    "InPerson" INTEGER NOT NULL,
    "Confirmation" TEXT NOT NULL,
    "QueryReason" TEXT NULL,
    "LoggedAt" TEXT NOT NULL,
    CONSTRAINT "FK_coaching_sessions_coaching_relationships_RelationshipId" FOREIGN KEY ("RelationshipId") REFERENCES "coaching_relationships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "round_decisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_round_decisions" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "RequestId" INTEGER NOT NULL,
    "CoachId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    CONSTRAINT "FK_round_decisions_coach_profiles_CoachId" FOREIGN KEY ("CoachId") REFERENCES "coach_profiles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_round_decisions_coaching_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "coaching_requests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_round_decisions_matching_rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "matching_rounds" ("Id") ON DELETE CASCADE
);

CREATE TABLE "round_proposals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_round_proposals" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "RequestId" INTEGER NOT NULL,
    "CoachId" INTEGER NULL,
    "Score" INTEGER NOT NULL,
    "Locked" INTEGER NOT NULL,
    "Reasons" TEXT NOT NULL,
    CONSTRAINT "FK_round_proposals_coach_profiles_CoachId" FOREIGN KEY ("CoachId") REFERENCES "coach_profiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_round_proposals_coaching_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "coaching_requests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_round_proposals_matching_rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "matching_rounds" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_coach_consents_CoachId_Characteristic" ON "coach_consents" ("CoachId", "Characteristic");

CREATE UNIQUE INDEX "IX_coach_profiles_Email" ON "coach_profiles" ("Email");

CREATE INDEX "IX_coach_profiles_PersonKey" ON "coach_profiles" ("PersonKey");

CREATE INDEX "IX_coaching_relationships_CoachId" ON "coaching_relationships" ("CoachId");

CREATE INDEX "IX_coaching_relationships_ParticipantId" ON "coaching_relationships" ("ParticipantId");

CREATE INDEX "IX_coaching_requests_ParticipantId" ON "coaching_requests" ("ParticipantId");

CREATE UNIQUE INDEX "IX_coaching_requests_RoundId_ParticipantId" ON "coaching_requests" ("RoundId", "ParticipantId");

CREATE INDEX "IX_coaching_sessions_RelationshipId" ON "coaching_sessions" ("RelationshipId");

CREATE UNIQUE INDEX "IX_matching_rounds_Name" ON "matching_rounds" ("Name");

CREATE INDEX "IX_round_decisions_CoachId" ON "round_decisions" ("CoachId");

CREATE INDEX "IX_round_decisions_RequestId" ON "round_decisions" ("RequestId");

CREATE UNIQUE INDEX "IX_round_decisions_RoundId_RequestId_CoachId" ON "round_decisions" ("RoundId", "RequestId", "CoachId");

CREATE INDEX "IX_round_proposals_CoachId" ON "round_proposals" ("CoachId");

CREATE INDEX "IX_round_proposals_RequestId" ON "round_proposals" ("RequestId");

CREATE UNIQUE INDEX "IX_round_proposals_RoundId_RequestId" ON "round_proposals" ("RoundId", "RequestId");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202023705_Coaching', '10.0.15');

CREATE TABLE "feedback_forms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_feedback_forms" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "StrandId" INTEGER NULL,
    "SessionType" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_feedback_forms_strands_StrandId" FOREIGN KEY ("StrandId") REFERENCES "strands" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "feedback_requests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_feedback_requests" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "RequestedOn" TEXT NOT NULL,
    "ClosesOn" TEXT NOT NULL,
    "RemindersSent" INTEGER NOT NULL,
    "LastRemindedOn" TEXT NULL,
    "Answered" INTEGER NOT NULL,
    CONSTRAINT "FK_feedback_requests_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_feedback_requests_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "feedback_questions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_feedback_questions" PRIMARY KEY AUTOINCREMENT,
    "FormId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Retired" INTEGER NOT NULL,
    CONSTRAINT "FK_feedback_questions_feedback_forms_FormId" FOREIGN KEY ("FormId") REFERENCES "feedback_forms" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "feedback_responses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_feedback_responses" PRIMARY KEY,
    "SessionId" INTEGER NOT NULL,
    "FormId" INTEGER NOT NULL,
    CONSTRAINT "FK_feedback_responses_feedback_forms_FormId" FOREIGN KEY ("FormId") REFERENCES "feedback_forms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_feedback_responses_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE RESTRICT
) WITHOUT ROWID;

CREATE TABLE "feedback_answers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_feedback_answers" PRIMARY KEY,
    "ResponseId" TEXT NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Rating" INTEGER NULL,
    "Text" TEXT NULL,
    CONSTRAINT "FK_feedback_answers_feedback_questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "feedback_questions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_feedback_answers_feedback_responses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "feedback_responses" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX "IX_feedback_answers_QuestionId" ON "feedback_answers" ("QuestionId");

CREATE INDEX "IX_feedback_answers_ResponseId" ON "feedback_answers" ("ResponseId");

CREATE INDEX "IX_feedback_forms_StrandId_SessionType" ON "feedback_forms" ("StrandId", "SessionType");

CREATE INDEX "IX_feedback_questions_FormId_Position" ON "feedback_questions" ("FormId", "Position");

CREATE INDEX "IX_feedback_requests_Answered_ClosesOn" ON "feedback_requests" ("Answered", "ClosesOn");

CREATE INDEX "IX_feedback_requests_ParticipantId" ON "feedback_requests" ("ParticipantId");

CREATE UNIQUE INDEX "IX_feedback_requests_SessionId_ParticipantId" ON "feedback_requests" ("SessionId", "ParticipantId");

CREATE INDEX "IX_feedback_responses_FormId" ON "feedback_responses" ("FormId");

CREATE INDEX "IX_feedback_responses_SessionId" ON "feedback_responses" ("SessionId");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202042544_SessionFeedback', '10.0.15');

CREATE TABLE "bali_graduates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_bali_graduates" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "CohortYear" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL
);

CREATE TABLE "census_ethnicity" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_census_ethnicity" PRIMARY KEY AUTOINCREMENT,
    "Level" TEXT NOT NULL,
    "AreaCode" TEXT NOT NULL,
    "AreaName" TEXT NOT NULL,
    "CategoryCode" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Observation" INTEGER NOT NULL
);

CREATE TABLE "return_submissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_return_submissions" PRIMARY KEY AUTOINCREMENT,
    "Period" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedBy" TEXT NULL,
    "Note" TEXT NULL,
    "ExactJson" TEXT NOT NULL,
    "FunderJson" TEXT NOT NULL
);

CREATE TABLE "workforce_ethnicity" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workforce_ethnicity" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "AreaCode" TEXT NOT NULL,
    "AreaName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "EthnicGroup" TEXT NOT NULL,
    "Headcount" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_bali_graduates_Email" ON "bali_graduates" ("Email");

CREATE UNIQUE INDEX "IX_census_ethnicity_AreaCode_CategoryCode" ON "census_ethnicity" ("AreaCode", "CategoryCode");

CREATE UNIQUE INDEX "IX_return_submissions_Period_Version" ON "return_submissions" ("Period", "Version");

CREATE UNIQUE INDEX "IX_workforce_ethnicity_Year_AreaCode_Role_EthnicGroup" ON "workforce_ethnicity" ("Year", "AreaCode", "Role", "EthnicGroup");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202042626_DfeReturnAndWorkforce', '10.0.15');

CREATE TABLE "data_versions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_versions" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);

INSERT INTO "data_versions" ("Id", "Version")
VALUES (1, 1);
SELECT changes();


CREATE INDEX "IX_sessions_EndUtc" ON "sessions" ("EndUtc");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202042638_FigureCache', '10.0.15');

ALTER TABLE "outbox_messages" ADD "InvitesReply" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202050334_OutboxInvitesReply', '10.0.15');

CREATE TABLE "aspirant_cohorts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_cohorts" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "OpensAt" TEXT NULL,
    "ClosesAt" TEXT NULL,
    "Places" INTEGER NOT NULL,
    "MinYearsSenior" TEXT NULL,
    "MaxTiersBelowDcs" INTEGER NULL,
    "RequireEndorsement" INTEGER NOT NULL,
    "ScaleMin" INTEGER NOT NULL,
    "ScaleMax" INTEGER NOT NULL,
    "ReviewsPerApplication" INTEGER NOT NULL,
    "OfferDeadlineDays" INTEGER NOT NULL,
    "CompletionMinTaughtDays" INTEGER NULL,
    "EndsOn" TEXT NULL,
    "DecisionsReleasedAt" TEXT NULL,
    "ProgrammeCohortId" INTEGER NULL,
    "Imported" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_cohorts_cohorts_ProgrammeCohortId" FOREIGN KEY ("ProgrammeCohortId") REFERENCES "cohorts" ("Id") ON DELETE SET NULL
);

CREATE TABLE "aspirant_reviewers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_reviewers" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "ConflictAuthorityCodes" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "PersonKey" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_reviewers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_aspirant_reviewers_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE SET NULL
);

CREATE TABLE "aspirant_applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_applications" PRIMARY KEY AUTOINCREMENT,
    "CohortId" INTEGER NOT NULL,
    "ApplicationId" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "AuthorityCode" TEXT NULL,
    "OtherEmployer" TEXT NULL,
    "RoleTitle" TEXT NULL,
    "YearsSenior" TEXT NULL,
    "TiersBelowDcs" INTEGER NULL,
    "EndorserName" TEXT NULL,
    "EndorserEmail" TEXT NULL,
    "BaliGraduate" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ResumeTokenHash" TEXT NULL,
    "ResumeTokenExpiresAt" TEXT NULL,
    "ImportedEligible" INTEGER NULL,
    "EligibilityOverride" INTEGER NULL,
    "EligibilityOverrideReason" TEXT NULL,
    "EligibilityOverriddenBy" TEXT NULL,
    "EligibilityOverriddenAt" TEXT NULL,
    "Outcome" TEXT NULL,
    "WaitingPosition" INTEGER NULL,
    "TieBreakReason" TEXT NULL,
    "Offer" TEXT NULL,
    "OfferedAt" TEXT NULL,
    "OfferDeadline" TEXT NULL,
    "OfferRespondedAt" TEXT NULL,
    "Completed" INTEGER NULL,
    "ParticipantId" INTEGER NULL,
    "ConfirmedPersonKey" INTEGER NULL,
    "Imported" INTEGER NOT NULL,
    CONSTRAINT "FK_aspirant_applications_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_applications_authorities_AuthorityCode" FOREIGN KEY ("AuthorityCode") REFERENCES "authorities" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_aspirant_applications_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_aspirant_applications_people_ConfirmedPersonKey" FOREIGN KEY ("ConfirmedPersonKey") REFERENCES "people" ("Id") ON DELETE SET NULL
);

CREATE TABLE "aspirant_criteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_criteria" PRIMARY KEY AUTOINCREMENT,
    "CohortId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Weight" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_aspirant_criteria_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_questions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_questions" PRIMARY KEY AUTOINCREMENT,
    "CohortId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "WordLimit" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_aspirant_questions_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_taught_days" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_taught_days" PRIMARY KEY AUTOINCREMENT,
    "CohortId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_taught_days_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_cohort_reviewers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_cohort_reviewers" PRIMARY KEY AUTOINCREMENT,
    "CohortId" INTEGER NOT NULL,
    "ReviewerId" INTEGER NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "GrantedBy" TEXT NULL,
    CONSTRAINT "FK_aspirant_cohort_reviewers_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_cohort_reviewers_aspirant_reviewers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "aspirant_reviewers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_conflicts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_conflicts" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "ReviewerId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "DeclaredAt" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_conflicts_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_conflicts_aspirant_reviewers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "aspirant_reviewers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_endorsements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_endorsements" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "TokenHash" TEXT NULL,
    "RequestedAt" TEXT NULL,
    "DueOn" TEXT NULL,
    "LastReminderAt" TEXT NULL,
    "RemindersSent" INTEGER NOT NULL,
    "Endorsed" INTEGER NULL,
    "Statement" TEXT NULL,
    "RespondedAt" TEXT NULL,
    "RecordedByStaff" TEXT NULL,
    CONSTRAINT "FK_aspirant_endorsements_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_equality_monitoring" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_equality_monitoring" PRIMARY KEY AUTOINCREMENT,
    "ApplicationKey" INTEGER NOT NULL,
    "CohortId" INTEGER NOT NULL,
    "EthnicityCode" TEXT NULL,
    "EthnicityPreferNotToSay" INTEGER NOT NULL,
    "Sex" TEXT NULL,
    "GenderSameAsAtBirth" TEXT NULL,
    "SexualOrientation" TEXT NULL,
    "LongTermCondition" TEXT NULL,
    "ActivitiesReduced" TEXT NULL,
    "Disabled" TEXT NULL,
    "Religion" TEXT NULL,
    "AgeBand" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_equality_monitoring_aspirant_applications_ApplicationKey" FOREIGN KEY ("ApplicationKey") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_equality_monitoring_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_moderations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_moderations" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Score" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "ModeratedBy" TEXT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_moderations_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_reviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_reviews" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "ReviewerId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ForModeration" INTEGER NOT NULL,
    "RecusedAt" TEXT NULL,
    "RecusalReason" TEXT NULL,
    CONSTRAINT "FK_aspirant_reviews_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_reviews_aspirant_reviewers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "aspirant_reviewers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "aspirant_answers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_answers" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_answers_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_answers_aspirant_questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "aspirant_questions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "aspirant_scores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_scores" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_aspirant_scores_aspirant_criteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "aspirant_criteria" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_aspirant_scores_aspirant_reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "aspirant_reviews" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_redactions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_redactions" PRIMARY KEY AUTOINCREMENT,
    "AnswerId" INTEGER NOT NULL,
    "Phrase" TEXT NOT NULL,
    "RedactedBy" TEXT NULL,
    "RedactedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_redactions_aspirant_answers_AnswerId" FOREIGN KEY ("AnswerId") REFERENCES "aspirant_answers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_aspirant_answers_ApplicationId_QuestionId" ON "aspirant_answers" ("ApplicationId", "QuestionId");

CREATE INDEX "IX_aspirant_answers_QuestionId" ON "aspirant_answers" ("QuestionId");

CREATE INDEX "IX_aspirant_applications_AuthorityCode" ON "aspirant_applications" ("AuthorityCode");

CREATE UNIQUE INDEX "IX_aspirant_applications_CohortId_ApplicationId" ON "aspirant_applications" ("CohortId", "ApplicationId");

CREATE INDEX "IX_aspirant_applications_ConfirmedPersonKey" ON "aspirant_applications" ("ConfirmedPersonKey");

CREATE INDEX "IX_aspirant_applications_Email" ON "aspirant_applications" ("Email");

CREATE INDEX "IX_aspirant_applications_ParticipantId" ON "aspirant_applications" ("ParticipantId");

CREATE INDEX "IX_aspirant_applications_ResumeTokenHash" ON "aspirant_applications" ("ResumeTokenHash");

CREATE UNIQUE INDEX "IX_aspirant_cohort_reviewers_CohortId_ReviewerId" ON "aspirant_cohort_reviewers" ("CohortId", "ReviewerId");

CREATE INDEX "IX_aspirant_cohort_reviewers_ReviewerId" ON "aspirant_cohort_reviewers" ("ReviewerId");

CREATE UNIQUE INDEX "IX_aspirant_cohorts_Name" ON "aspirant_cohorts" ("Name");

CREATE INDEX "IX_aspirant_cohorts_ProgrammeCohortId" ON "aspirant_cohorts" ("ProgrammeCohortId");

CREATE UNIQUE INDEX "IX_aspirant_conflicts_ApplicationId_ReviewerId" ON "aspirant_conflicts" ("ApplicationId", "ReviewerId");

CREATE INDEX "IX_aspirant_conflicts_ReviewerId" ON "aspirant_conflicts" ("ReviewerId");

CREATE UNIQUE INDEX "IX_aspirant_criteria_CohortId_Name" ON "aspirant_criteria" ("CohortId", "Name");

CREATE UNIQUE INDEX "IX_aspirant_endorsements_ApplicationId" ON "aspirant_endorsements" ("ApplicationId");

CREATE INDEX "IX_aspirant_endorsements_TokenHash" ON "aspirant_endorsements" ("TokenHash");

CREATE UNIQUE INDEX "IX_aspirant_equality_monitoring_ApplicationKey" ON "aspirant_equality_monitoring" ("ApplicationKey");

CREATE INDEX "IX_aspirant_equality_monitoring_CohortId" ON "aspirant_equality_monitoring" ("CohortId");

CREATE INDEX "IX_aspirant_moderations_ApplicationId" ON "aspirant_moderations" ("ApplicationId");

CREATE INDEX "IX_aspirant_questions_CohortId" ON "aspirant_questions" ("CohortId");

CREATE INDEX "IX_aspirant_redactions_AnswerId" ON "aspirant_redactions" ("AnswerId");

CREATE UNIQUE INDEX "IX_aspirant_reviewers_Email" ON "aspirant_reviewers" ("Email");

CREATE INDEX "IX_aspirant_reviewers_PersonKey" ON "aspirant_reviewers" ("PersonKey");

CREATE INDEX "IX_aspirant_reviewers_UserId" ON "aspirant_reviewers" ("UserId");

CREATE UNIQUE INDEX "IX_aspirant_reviews_ApplicationId_ReviewerId" ON "aspirant_reviews" ("ApplicationId", "ReviewerId");

CREATE INDEX "IX_aspirant_reviews_ReviewerId" ON "aspirant_reviews" ("ReviewerId");

CREATE INDEX "IX_aspirant_scores_CriterionId" ON "aspirant_scores" ("CriterionId");

CREATE UNIQUE INDEX "IX_aspirant_scores_ReviewId_CriterionId" ON "aspirant_scores" ("ReviewId", "CriterionId");

CREATE UNIQUE INDEX "IX_aspirant_taught_days_CohortId_Date" ON "aspirant_taught_days" ("CohortId", "Date");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202055005_Aspirants', '10.0.15');

CREATE TABLE "imported_enrolments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_imported_enrolments" PRIMARY KEY AUTOINCREMENT,
    "PersonKey" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "AcceptedOn" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    CONSTRAINT "FK_imported_enrolments_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_imported_enrolments_PersonKey" ON "imported_enrolments" ("PersonKey");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202060254_ImportedEnrolments', '10.0.15');

ALTER TABLE "aspirant_endorsements" ADD "ProtectedToken" TEXT NULL;

CREATE TABLE "aspirant_learning_sets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_learning_sets" PRIMARY KEY AUTOINCREMENT,
    "CohortId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "PublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aspirant_learning_sets_aspirant_cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "aspirant_cohorts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_learning_set_meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_learning_set_meetings" PRIMARY KEY AUTOINCREMENT,
    "SetId" INTEGER NOT NULL,
    "SessionId" INTEGER NOT NULL,
    CONSTRAINT "FK_aspirant_learning_set_meetings_aspirant_learning_sets_SetId" FOREIGN KEY ("SetId") REFERENCES "aspirant_learning_sets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_learning_set_meetings_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "sessions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "aspirant_learning_set_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aspirant_learning_set_members" PRIMARY KEY AUTOINCREMENT,
    "SetId" INTEGER NOT NULL,
    "ApplicationId" INTEGER NOT NULL,
    CONSTRAINT "FK_aspirant_learning_set_members_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_aspirant_learning_set_members_aspirant_learning_sets_SetId" FOREIGN KEY ("SetId") REFERENCES "aspirant_learning_sets" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_aspirant_learning_set_meetings_SessionId" ON "aspirant_learning_set_meetings" ("SessionId");

CREATE INDEX "IX_aspirant_learning_set_meetings_SetId" ON "aspirant_learning_set_meetings" ("SetId");

CREATE UNIQUE INDEX "IX_aspirant_learning_set_members_ApplicationId" ON "aspirant_learning_set_members" ("ApplicationId");

CREATE INDEX "IX_aspirant_learning_set_members_SetId" ON "aspirant_learning_set_members" ("SetId");

CREATE UNIQUE INDEX "IX_aspirant_learning_sets_CohortId_Number" ON "aspirant_learning_sets" ("CohortId", "Number");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202060530_AspirantApplications', '10.0.15');

ALTER TABLE "audit_events" ADD "ShreddedAt" TEXT NULL;

CREATE TABLE "subject_requests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_subject_requests" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "CompletedBy" TEXT NULL
);

CREATE INDEX "IX_subject_requests_CompletedAt_DueOn" ON "subject_requests" ("CompletedAt", "DueOn");

DROP TRIGGER IF EXISTS audit_events_no_update;

UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('EthnicityCode', 'Sex', 'Disability') THEN json('{"changed":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'EqualityInformation' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';

UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('Characteristic') THEN json('{"changed":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'CoachConsent' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';

UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('Must', 'WouldLike') THEN json('{"changed":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'CoachingRequest' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';

UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('Reasons') THEN json('{"changed":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'RoundProposal' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events WHEN NEW.ShreddedAt IS NULL OR NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.Action IS NOT OLD.Action OR NEW.EntityType IS NOT OLD.EntityType OR NEW.EntityId IS NOT OLD.EntityId BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry can only be shredded'); END;

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202060739_DataProtection', '10.0.15');

CREATE TABLE "leases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_leases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202073148_Leases', '10.0.15');

ALTER TABLE "feedback_requests" ADD "RemindersStopped" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "aspirant_applications" ADD "ConsiderNextYear" INTEGER NULL;

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202073243_PrivacyNextYearAndReminders', '10.0.15');

ALTER TABLE "coach_profiles" ADD "CalendarTokenCreatedAt" TEXT NULL;

ALTER TABLE "coach_profiles" ADD "CalendarTokenHash" TEXT NULL;

CREATE TABLE "alumni_match_rejections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_alumni_match_rejections" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "PersonKey" INTEGER NOT NULL,
    "RejectedAt" TEXT NOT NULL,
    "RejectedBy" TEXT NOT NULL,
    CONSTRAINT "FK_alumni_match_rejections_aspirant_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "aspirant_applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_alumni_match_rejections_people_PersonKey" FOREIGN KEY ("PersonKey") REFERENCES "people" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_coach_profiles_CalendarTokenHash" ON "coach_profiles" ("CalendarTokenHash");

CREATE UNIQUE INDEX "IX_alumni_match_rejections_ApplicationId_PersonKey" ON "alumni_match_rejections" ("ApplicationId", "PersonKey");

CREATE INDEX "IX_alumni_match_rejections_PersonKey" ON "alumni_match_rejections" ("PersonKey");

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202073701_CoachCalendarAndAlumniMatches', '10.0.15');

ALTER TABLE "coaching_requests" ADD "CountedMust" INTEGER NULL;

ALTER TABLE "coaching_requests" ADD "CountedMustMet" INTEGER NULL;

ALTER TABLE "coaching_requests" ADD "CountedWouldLike" INTEGER NULL;

ALTER TABLE "coaching_requests" ADD "CountedWouldLikeMet" INTEGER NULL;

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202120049_CoachingWishCounts', '10.0.15');

CREATE TABLE "stored_figures" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_stored_figures" PRIMARY KEY,
    "DataVersion" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Build" TEXT NOT NULL,
    "Json" TEXT NOT NULL
);

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261202151416_StoredFigures', '10.0.15');

ALTER TABLE "sessions" ADD "MovedOnline" INTEGER NOT NULL DEFAULT 0;

UPDATE sessions SET "MovedOnline" = 1 WHERE "Status" = 'MovedOnline';

INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261206165256_SessionMovedOnline', '10.0.15');

