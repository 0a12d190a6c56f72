using NodaTime;
using static Upon.DataProtection.ColumnErasure;
using static Upon.DataProtection.DataCategory;

namespace Upon.DataProtection;

/// <summary>
/// The data map: every table and column of Upon's database (both providers' models), what it holds, why, on what lawful
/// basis, who receives it, how long it is kept and what erasing a person does to it. Erasure, the retention run, the
/// subject access download, the audit log's withholding of special-category values, the public <c>/privacy</c> page and
/// the README's "Privacy: the data map" section all read this one table. <c>DataMapTests</c> fails when a table or column
/// of either model is missing here, and names the lines to add.
/// </summary>
public static class DataMap
{
    private const string PublicTask = "Public task (UK GDPR Article 6(1)(e)): the Department for Education's leadership programme for directors of children's services, delivered under contract";
    private const string LegitimateInterests = "Legitimate interests (Article 6(1)(f)): running a secure service";
    private const string LegalObligation = "Legal obligation (Article 6(1)(c)) and legitimate interests: accountability for what was done to the data";
    private const string Contract = "Contract (Article 6(1)(b)): coaches engaged by the programme";
    private const string EqualityMonitoring = "Public task (Article 6(1)(e)), with Article 9(2)(g) substantial public interest under the Data Protection Act 2018, Schedule 1, paragraph 8 (equality of opportunity); every question is optional";
    private const string ExplicitConsent = "Explicit consent (Article 9(2)(a)), which the coach may withdraw";
    private const string NotPersonalBasis = "Not personal data";

    private const string Staff = "Programme staff (administrators and partner staff); the DfE sees figures only, with small numbers suppressed";
    private const string AdministratorsOnly = "Administrators only; the DfE sees counts only, with small numbers suppressed";
    private const string CoachingRecipients = "Programme staff, and the coach you are matched with";
    private const string Nobody = "Nobody outside Upon";

    private static readonly Retention SixYearsAfterActivity = Retention.For(Period.FromYears(6), "6 years", "the person's last programme activity (a session, an enrolment, a coaching relationship)");
    private static readonly Retention WhileAccountExists = Retention.Until("while the account exists; removed when the person is erased (on request, or by a retention rule once nothing else of theirs is kept) or the account's holder asks");
    private static readonly Retention ReferenceRetention = Retention.Until("kept: reference data, not about a person");
    private static readonly Retention AspirantsRetention = Retention.For(Period.FromYears(2), "2 years",
        "the application was submitted (or started, for one withdrawn before it was submitted), for an application not selected, left on the waiting list without an offer, or withdrawn; " +
        "3 years (one more yearly cycle) when the applicant asked to be considered next year and was not selected or left on the waiting list without an offer; " +
        "2 years after it was started, for a draft never submitted, once its cohort has closed; 2 years after an offer of a place was declined or lapsed " +
        "(those who took up their place are kept as programme records, 6 years after their last programme activity)");
    private static readonly Retention AuditRecord = Retention.Until("kept as the legal record, never deleted; a person's values in it are shredded when they are erased");

    private static ColumnPolicy Col(string name, DataCategory category, ColumnErasure erasure = Keep, string? note = null) => new(name, category, erasure, note);

    private static ColumnPolicy Key(string name) => new(name, NotPersonal, Keep, null);

    private static TablePolicy Reference(string table, string holds, params ColumnPolicy[] columns) =>
        new(table, holds, "Reference data that the programme's records point at", NotPersonalBasis, Nobody, ReferenceRetention, RowErasure.KeepRow, "Not about a person: nothing to erase.", columns);

    /// <summary>Every table of the database, in the order the privacy page shows them.</summary>
    public static readonly IReadOnlyList<TablePolicy> Tables =
    [
        // Accounts
        new("AspNetUsers", "Your account: your name, email address and sign-in settings",
            "Signing you in and knowing what you may do", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "The account is deleted; the audit log keeps what it did, under a pseudonym.",
            [
                Key("Id"), Col("UserName", Contact), Col("NormalizedUserName", Contact), Col("Email", Contact), Col("NormalizedEmail", Contact),
                Col("EmailConfirmed", ProgrammeRecord), Col("PasswordHash", Credential), Col("SecurityStamp", Credential), Col("ConcurrencyStamp", NotPersonal),
                Col("PhoneNumber", Contact), Col("PhoneNumberConfirmed", ProgrammeRecord), Col("TwoFactorEnabled", ProgrammeRecord), Col("LockoutEnd", ProgrammeRecord),
                Col("LockoutEnabled", ProgrammeRecord), Col("AccessFailedCount", ProgrammeRecord), Col("DisplayName", Identity), Col("IsDisabled", ProgrammeRecord),
                Col("CreatedAt", ProgrammeRecord),
            ]),
        new("AspNetUserClaims", "Extra facts about your account used when you sign in", "Signing you in", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "Deleted with the account.", [Key("Id"), Key("UserId"), Col("ClaimType", ProgrammeRecord), Col("ClaimValue", ProgrammeRecord)]),
        new("AspNetUserLogins", "Sign-ins with another provider linked to your account", "Signing you in", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "Deleted with the account.", [Col("LoginProvider", ProgrammeRecord), Col("ProviderKey", Credential), Col("ProviderDisplayName", ProgrammeRecord), Key("UserId")]),
        new("AspNetUserTokens", "Your authenticator app's key and recovery codes", "Two-factor sign-in", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "Deleted with the account.", [Key("UserId"), Col("LoginProvider", ProgrammeRecord), Col("Name", ProgrammeRecord), Col("Value", Credential)]),
        new("AspNetUserPasskeys", "Your passkeys", "Sign-in with a passkey", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "Deleted with the account.",
            [Col("CredentialId", Credential), Key("UserId"), Key("IdentityUserPasskeyCredentialId"), Col("Name", ProgrammeRecord), Col("CreatedAt", ProgrammeRecord),
             Col("PublicKey", Credential), Col("AttestationObject", Credential), Col("ClientDataJson", Credential), Col("SignCount", ProgrammeRecord), Col("Transports", ProgrammeRecord),
             Col("IsUserVerified", ProgrammeRecord), Col("IsBackupEligible", ProgrammeRecord), Col("IsBackedUp", ProgrammeRecord)]),
        new("AspNetUserRoles", "Your role", "Knowing what you may do", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "Deleted with the account.", [Key("UserId"), Col("RoleId", ProgrammeRecord)]),
        Reference("AspNetRoles", "The roles", Key("Id"), Key("Name"), Key("NormalizedName"), Key("ConcurrencyStamp")),
        Reference("AspNetRoleClaims", "What each role may do", Key("Id"), Key("RoleId"), Key("ClaimType"), Key("ClaimValue")),
        new("api_tokens", "Your personal API tokens (only a hash of each)", "Letting your programs use the API", PublicTask, Nobody, WhileAccountExists, RowErasure.DeleteRow,
            "Deleted with the account.",
            [Key("Id"), Key("UserId"), Col("Name", ProgrammeRecord), Col("Prefix", Credential), Col("TokenHash", Credential), Col("CreatedAt", ProgrammeRecord),
             Col("CreatedInSignIn", ProgrammeRecord), Col("CreatedWithPasskey", ProgrammeRecord), Col("LastUsedAt", ProgrammeRecord), Col("RevokedAt", ProgrammeRecord)]),
        new("account_invitations", "Links that set a password (only a hash of each)", "Setting up your account", PublicTask, Nobody,
            Retention.For(Period.FromDays(30), "30 days", "the link expired"), RowErasure.DeleteRow, "Deleted.",
            [Key("Id"), Key("UserId"), Col("TokenHash", Credential), Col("CreatedAt", ProgrammeRecord), Col("ExpiresAt", ProgrammeRecord), Col("UsedAt", ProgrammeRecord)]),
        new("DataProtectionKeys", "The keys that protect sign-in cookies", "Running a secure service", NotPersonalBasis, Nobody, ReferenceRetention, RowErasure.KeepRow,
            "Not about a person.", [Key("Id"), Key("FriendlyName"), Col("Xml", Credential)]),

        // Audit
        new("audit_events", "The audit log: who did what and when, changes with old and new values (special-category values never), views of special-category data, sign-ins",
            "Accountability and security: showing who saw or changed what", LegalObligation, "Administrators only", AuditRecord, RowErasure.KeepRow,
            "Entries are never deleted: your name, email address and values are overwritten with a pseudonym and the entry is marked shredded.",
            [
                Key("Id"), Col("At", DataCategory.Audit), Col("UserId", DataCategory.Audit, Pseudonymise), Col("Actor", DataCategory.Audit, Pseudonymise), Col("Action", DataCategory.Audit),
                Col("EntityType", DataCategory.Audit), Col("EntityId", DataCategory.Audit), Col("Changes", DataCategory.Audit, Blank, "only your values are shredded; the names of the fields stay"),
                Col("Detail", DataCategory.Audit, Keep, "your email address and name in it are replaced with the pseudonym"), Col("ShreddedAt", DataCategory.Audit),
            ]),

        // Register
        Reference("regions", "England's regions", Key("Code"), Key("Name")),
        Reference("authorities", "Local authorities", Key("Code"), Key("Name"), Key("RegionCode"), Key("OperatingFrom"), Key("OperatingTo")),
        Reference("authority_gss_codes", "Authorities' GSS codes", Key("Code"), Key("ValidFrom"), Key("AuthorityCode"), Key("Name"), Key("RegionCode"), Key("ValidTo")),
        new("people", "Directors of children's services in the register: names and email address",
            "Keeping the register of who was DCS where and when, and inviting new directors", PublicTask, Staff,
            Retention.Until("kept while the register is kept: who held a public role is public-role information"), RowErasure.KeepRow,
            "Your name and email address are replaced with a pseudonym; the record stays so that the turnover figures do not change.",
            [Key("Id"), Col("PersonId", Identity, Pseudonymise), Col("GivenName", Identity, Pseudonymise), Col("FamilyName", Identity, Pseudonymise),
             Col("Email", Contact, Pseudonymise, "replaced with the same pseudonymous address as every other record of the person, so that figures matching records by address do not change")]),
        new("appointments", "Appointments as DCS: authority, dates, type, why and whether it ended unplanned",
            "The register and its turnover figures", PublicTask, "Public-role information: programme staff, and the DfE as figures",
            Retention.Until("kept while the register is kept"), RowErasure.KeepRow,
            "Kept: a DCS appointment is public-role information needed for the turnover figures (no longer linked to your name).",
            [Key("Id"), Col("AuthorityCode", ProgrammeRecord), Key("PersonKey"), Col("StartDate", ProgrammeRecord), Col("EndDate", ProgrammeRecord), Col("Type", ProgrammeRecord),
             Col("LeavingReason", ProgrammeRecord), Col("Unplanned", ProgrammeRecord), Col("RecordedOn", ProgrammeRecord)]),
        new("pending_uploads", "A register upload waiting for its uploader to confirm it (the file may name directors)",
            "Checking an upload before it is saved", PublicTask, "The uploader only",
            Retention.Until("24 hours after the upload; removed by the next upload"), RowErasure.DeleteRow, "Removed after 24 hours.",
            [Key("Id"), Col("UploadedBy", DataCategory.Audit), Col("FileName", ProgrammeRecord), Col("FileContent", Identity), Col("UploadedAt", ProgrammeRecord), Col("ExpiresAt", ProgrammeRecord)]),

        // Sessions
        Reference("strands", "The programme's strands", Key("Id"), Key("Slug"), Key("Name"), Key("Summary"), Key("HasCohorts"), Key("DisplayOrder")),
        Reference("cohorts", "Cohorts of a strand", Key("Id"), Key("StrandId"), Key("Name"), Key("StartsOn"), Key("EndsOn")),
        Reference("bank_holidays", "England and Wales bank holidays", Key("Date"), Key("Title")),
        new("sessions", "The programme's sessions (the facilitators' names among them)", "Running the programme", PublicTask, "Anyone: sessions are published",
            Retention.Until("kept as the programme's record"), RowErasure.KeepRow, "A facilitator's name is replaced with the pseudonym where it appears.",
            [Key("Id"), Key("Uid"), Key("Title"), Key("Type"), Key("StrandId"), Key("CohortId"), Key("Start"), Key("End"), Key("StartUtc"), Key("EndUtc"), Key("Capacity"),
             Key("Status"), Key("MovedOnline"), Key("CircumstancesPermitting"), Key("Venue"), Key("VideoLink"), Col("Facilitators", Identity, Keep, "names in it are replaced with the pseudonym"),
             Key("Description"), Key("ChangeNote"), Key("Sequence"), Key("CreatedAt"), Key("UpdatedAt")]),
        new("participants", "You as a participant: name, email address, your account and register record, your calendar feed",
            "Running the programme for you", PublicTask, Staff, SixYearsAfterActivity, RowErasure.KeepRow,
            "Your name and email address are replaced with a pseudonym and the links to your account and calendar removed; the record stays so attendance figures do not change.",
            [Key("Id"), Col("UserId", Identity, Blank), Col("PersonKey", Identity, Keep, "the register record, itself pseudonymised"), Col("GivenName", Identity, Pseudonymise),
             Col("FamilyName", Identity, Pseudonymise), Col("Email", Contact, Pseudonymise), Col("CalendarTokenHash", Credential, Blank), Col("CalendarTokenCreatedAt", ProgrammeRecord, Blank),
             Col("CreatedAt", ProgrammeRecord)]),
        new("enrolments", "Your enrolments on strands and cohorts", "Running the programme", PublicTask, Staff, SixYearsAfterActivity, RowErasure.KeepRow,
            "Kept without your name, for the programme's figures.",
            [Key("Id"), Key("ParticipantId"), Col("StrandId", ProgrammeRecord), Col("CohortId", ProgrammeRecord), Col("StartsOn", ProgrammeRecord), Col("EndsOn", ProgrammeRecord),
             Col("Status", ProgrammeRecord), Col("InvitationId", ProgrammeRecord), Col("LeftPostOn", ProgrammeRecord)]),
        new("bookings", "Your bookings and places on waiting lists", "Running sessions", PublicTask, Staff,
            Retention.For(Period.FromYears(6), "6 years", "the person's last programme activity (a session, an enrolment, a coaching relationship): a place on a waiting list, like a seat, counts up to its session's end, and goes with its person"),
            RowErasure.KeepRow,
            "Kept without your name, for the attendance figures.",
            [Key("Id"), Key("SessionId"), Key("ParticipantId"), Col("Status", ProgrammeRecord), Col("Queue", ProgrammeRecord), Col("RequestedAt", ProgrammeRecord),
             Col("BookedAt", ProgrammeRecord), Col("CancelledAt", ProgrammeRecord), Col("RequestedByUserId", DataCategory.Audit, Blank)]),
        new("apologies", "Apologies you sent, with your reason", "Running sessions", PublicTask, Staff, SixYearsAfterActivity, RowErasure.KeepRow,
            "The reason is removed; the apology stays for the attendance figures.",
            [Key("Id"), Key("SessionId"), Key("ParticipantId"), Col("Reason", ProgrammeRecord, Blank), Col("SentAt", ProgrammeRecord)]),
        new("attendance_records", "Whether you attended each session and for how long", "The attendance figures", PublicTask, Staff, SixYearsAfterActivity, RowErasure.KeepRow,
            "Kept without your name, for the attendance figures.",
            [Key("Id"), Key("SessionId"), Key("ParticipantId"), Col("Mark", ProgrammeRecord), Col("Minutes", ProgrammeRecord), Col("Source", ProgrammeRecord),
             Col("RecordedAt", ProgrammeRecord), Col("RecordedBy", DataCategory.Audit, Keep, "a staff member's email address, replaced with the pseudonym when they are erased")]),

        // Participants
        new("equality_information", "Your equality information: ethnic group, sex and whether you consider yourself disabled",
            "Equality monitoring: whether the programme reaches everyone", EqualityMonitoring, AdministratorsOnly,
            Retention.Until("until you change or remove it, or ask for it to be erased, and at most 6 years after your last programme activity"), RowErasure.KeepRow,
            "Your ethnic group is reduced to its major group only (White, Asian / Asian British ...: no code you could have chosen stays); with sex and disability, which the figures also count, it stays on a record that no longer names you, so that the equality figures do not change.",
            [Key("Id"), Key("ParticipantId"), Col("EthnicityCode", SpecialCategory, GeneraliseEthnicity), Col("Sex", SpecialCategory), Col("Disability", SpecialCategory), Col("UpdatedAt", ProgrammeRecord)]),

        // New Directors
        new("director_invitations", "New Directors invitations: to whom, when sent, reminders and the answer",
            "Inviting every first-time director within two weeks, and the invitation figures", PublicTask, Staff,
            Retention.For(Period.FromYears(6), "6 years", "the person's last programme activity; for someone who never became a participant, the invitation's last step (sent, reminded, answered, lapsed)"),
            RowErasure.KeepRow,
            "The email address and any reason you gave are removed; the invitation stays for the invitation figures.",
            [Key("Id"), Key("PersonKey"), Key("AppointmentId"), Col("AuthorityCode", ProgrammeRecord), Col("StartDate", ProgrammeRecord), Col("RecordedOn", ProgrammeRecord),
             Col("DueBy", ProgrammeRecord), Col("SendOn", ProgrammeRecord), Col("Status", ProgrammeRecord), Col("Email", Contact, Blank), Col("TokenHash", Credential, Blank),
             Col("ProtectedToken", Credential, Blank), Col("Sends", ProgrammeRecord), Col("SentAt", ProgrammeRecord), Col("SentOn", ProgrammeRecord), Col("FirstReminderAt", ProgrammeRecord),
             Col("SecondReminderAt", ProgrammeRecord), Col("ExpiresAt", ProgrammeRecord), Col("AnsweredAt", ProgrammeRecord), Col("AnsweredOn", ProgrammeRecord),
             Col("DeclineReason", ProgrammeRecord, Blank), Col("DeclinedInConversation", ProgrammeRecord), Col("ByHand", ProgrammeRecord), Col("CreatedAt", ProgrammeRecord),
             Col("CreatedBy", DataCategory.Audit, Keep, "a staff member's email address, replaced with the pseudonym when they are erased")]),
        new("enrolment_status_changes", "Changes to your enrolment's status, with the reason staff gave", "Following the New Directors journey", PublicTask, Staff, SixYearsAfterActivity, RowErasure.KeepRow,
            "The reason is removed; the change stays for the journey figures.",
            [Key("Id"), Key("EnrolmentId"), Col("From", ProgrammeRecord), Col("Status", ProgrammeRecord), Col("Reason", ProgrammeRecord, Blank), Col("RecordedAt", ProgrammeRecord),
             Col("RecordedBy", DataCategory.Audit, Keep, "a staff member's email address, replaced with the pseudonym when they are erased")]),

        // Coaching
        Reference("coaching_characteristics", "The characteristics a coach may consent to be matched on", Key("Code"), Key("Label")),
        new("coach_profiles", "Coaches: name, email address, where and how they coach, capacity", "Matching participants with coaches", Contract, CoachingRecipients,
            Retention.For(Period.FromYears(6), "6 years", "their last coaching relationship (or their joining the pool, if they had none), and never while they are in the pool"), RowErasure.KeepRow,
            "The coach's name and email address are replaced with a pseudonym and their calendar address removed; the profile stays so coaching figures do not change, and is never offered in a matching round again.",
            [Key("Id"), Col("PersonKey", Identity, Keep, "the register record, itself pseudonymised"), Col("GivenName", Identity, Pseudonymise), Col("FamilyName", Identity, Pseudonymise),
             Col("Email", Contact, Pseudonymise), Col("Regions", ProgrammeRecord), Col("AuthorityKinds", ProgrammeRecord), Col("OffersInPerson", ProgrammeRecord),
             Col("OffersOnline", ProgrammeRecord), Col("Capacity", ProgrammeRecord), Col("ConflictAuthorityCodes", ProgrammeRecord), Col("Status", ProgrammeRecord),
             Col("CreatedAt", ProgrammeRecord), Col("CalendarTokenHash", Credential, Blank), Col("CalendarTokenCreatedAt", ProgrammeRecord, Blank)]),
        new("coach_consents", "The characteristics a coach consented to be matched on (they reveal, for example, ethnicity)", "Matching participants who ask for a coach with that experience",
            ExplicitConsent, "Administrators, and the matching", Retention.Until("until the consent is withdrawn or the coach is erased"), RowErasure.DeleteRow,
            "Deleted; the published rounds' figures keep only how many wishes the coach met, as counts on the requests matched to them.",
            [Key("Id"), Key("CoachId"), Col("Characteristic", SpecialCategory), Col("GivenOn", ProgrammeRecord), Col("WithdrawnOn", ProgrammeRecord)]),
        Reference("matching_rounds", "Rounds of coach matching",
            Key("Id"), Key("Name"), Key("Status"), Key("CreatedAt"), Key("RunAt"), Key("PublishedAt"), Key("WouldLikeWeight"), Key("AuthorityKindWeight"), Key("InPersonWeight")),
        new("coaching_requests", "Your request for a coach: what you must have and would like in a coach, where and how",
            "Matching you with a coach", PublicTask + "; what you ask for in a coach under Article 9(2)(g) as for equality information", CoachingRecipients, SixYearsAfterActivity, RowErasure.KeepRow,
            "What you asked for in a coach is removed; for a published round only how many characteristics you asked for and how many your coach shared are kept, so that the matching figures do not change.",
            [Key("Id"), Key("RoundId"), Key("ParticipantId"), Col("AuthorityCode", ProgrammeRecord), Col("AuthorityKind", ProgrammeRecord), Col("Region", ProgrammeRecord),
             Col("Mode", ProgrammeRecord), Col("Must", SpecialCategory, Blank), Col("WouldLike", SpecialCategory, Blank), Col("AvoidCoachIds", ProgrammeRecord, Blank),
             Col("PreviousCoachAllowed", ProgrammeRecord), Col("RematchFromCoachId", ProgrammeRecord), Col("CreatedAt", ProgrammeRecord),
             Col("CountedMust", ProgrammeRecord, Keep, "counts only, written when the wishes or the coach's consents are erased"), Col("CountedMustMet", ProgrammeRecord),
             Col("CountedWouldLike", ProgrammeRecord), Col("CountedWouldLikeMet", ProgrammeRecord)]),
        new("round_decisions", "Staff decisions in a matching round (a pairing fixed or ruled out)", "Matching", PublicTask, "Programme staff", SixYearsAfterActivity, RowErasure.KeepRow,
            "Kept without your name.", [Key("Id"), Key("RoundId"), Key("RequestId"), Key("CoachId"), Col("Kind", ProgrammeRecord)]),
        new("round_proposals", "The matching's proposed coach for your request, its score and reasons", "Matching", PublicTask, "Programme staff", SixYearsAfterActivity, RowErasure.KeepRow,
            "The reasons (which may repeat what you asked for) are removed.",
            [Key("Id"), Key("RoundId"), Key("RequestId"), Key("CoachId"), Col("Score", ProgrammeRecord), Col("Reasons", SpecialCategory, Blank), Col("Locked", ProgrammeRecord)]),
        new("coaching_relationships", "Your coaching relationship: coach, dates, entitlement and status", "Coaching", PublicTask, CoachingRecipients, SixYearsAfterActivity, RowErasure.KeepRow,
            "The reason for a change of status is removed; the relationship stays for the coaching figures.",
            [Key("Id"), Key("RoundId"), Key("CoachId"), Key("ParticipantId"), Col("StartsOn", ProgrammeRecord), Col("EndsOn", ProgrammeRecord), Col("EntitledSessions", ProgrammeRecord),
             Col("EntitledMinutes", ProgrammeRecord), Col("Status", ProgrammeRecord), Col("StatusChangedOn", ProgrammeRecord), Col("StatusReason", ProgrammeRecord, Blank),
             Col("ChangeRequestedOn", ProgrammeRecord)]),
        new("coaching_sessions", "Coaching sessions logged: date, length, in person or not, confirmation", "Coaching hours against entitlement", PublicTask, CoachingRecipients, SixYearsAfterActivity, RowErasure.KeepRow,
            "The reason for a query is removed; the session stays for the hours used.",
            [Key("Id"), Key("RelationshipId"), Col("Date", ProgrammeRecord), Col("Minutes", ProgrammeRecord), Col("InPerson", ProgrammeRecord), Col("Confirmation", ProgrammeRecord),
             Col("QueryReason", ProgrammeRecord, Blank), Col("LoggedAt", ProgrammeRecord)]),

        // Feedback (report a problem)
        new("problem_reports", "Problems you reported: your name, email address, the page and your message", "Fixing what went wrong and answering you", LegitimateInterests + " and answering you",
            "Programme staff", Retention.For(Period.FromYears(2), "2 years", "the report was received"), RowErasure.DeleteRow, "Deleted, with the replies.",
            [Key("Id"), Col("Reference", ProgrammeRecord), Col("Name", Identity), Col("Email", Contact), Col("Page", ProgrammeRecord), Col("Message", Contact),
             Col("Status", ProgrammeRecord), Col("ReceivedAt", ProgrammeRecord), Col("UpdatedAt", ProgrammeRecord)]),
        new("problem_replies", "Staff replies to a problem you reported", "Answering you", LegitimateInterests, "Programme staff", Retention.For(Period.FromYears(2), "2 years", "the report was received"),
            RowErasure.DeleteRow, "Deleted with the report.",
            [Key("Id"), Key("ProblemReportId"), Col("Body", Contact), Col("SentBy", DataCategory.Audit), Col("SentByUserId", DataCategory.Audit), Col("SentAt", ProgrammeRecord), Key("OutboxMessageId")]),

        // Email
        new("outbox_messages", "Emails to you: address, subject and text", "Sending you email (bookings, invitations, reminders)", PublicTask, "The email provider that delivers them",
            Retention.For(Period.FromYears(1), "1 year", "the email was created"), RowErasure.DeleteRow, "Deleted.",
            [Key("Id"), Col("To", Contact), Col("Subject", Contact), Col("TextBody", Contact), Col("HtmlBody", Contact), Col("CreatedAt", ProgrammeRecord),
             Col("NextAttemptAt", ProgrammeRecord), Col("Attempts", ProgrammeRecord), Col("LastAttemptAt", ProgrammeRecord), Col("LastError", ProgrammeRecord),
             Col("SentAt", ProgrammeRecord), Key("ClaimedBy"), Key("LockedUntil"), Col("InvitesReply", ProgrammeRecord)]),
        new("outbox_attachments", "Files attached to emails to you (a session's calendar entry)", "Sending you email", PublicTask, "The email provider that delivers them",
            Retention.For(Period.FromYears(1), "1 year", "the email was created"), RowErasure.DeleteRow, "Deleted with the email.",
            [Key("Id"), Key("OutboxMessageId"), Col("FileName", ProgrammeRecord), Col("ContentType", ProgrammeRecord), Col("Content", Contact)]),

        // Session feedback
        Reference("feedback_forms", "The feedback forms asked after sessions", Key("Id"), Key("Name"), Key("SessionType"), Key("StrandId"), Key("UpdatedAt")),
        Reference("feedback_questions", "The questions on each feedback form", Key("Id"), Key("FormId"), Key("Kind"), Key("Level"), Key("Position"), Key("Retired"), Key("Text")),
        new("feedback_requests", "That you were asked for feedback on a session, when, the reminders and whether you answered (never what you answered)",
            "Asking for and reminding about feedback, and the response rate", PublicTask, "Programme staff", SixYearsAfterActivity, RowErasure.KeepRow,
            "Kept without your name (your participant record is pseudonymised), so that how many were asked does not change; it never held what you answered.",
            [Key("Id"), Key("SessionId"), Key("ParticipantId"), Col("RequestedOn", ProgrammeRecord), Col("ClosesOn", ProgrammeRecord), Col("RemindersSent", ProgrammeRecord),
             Col("LastRemindedOn", ProgrammeRecord), Col("Answered", ProgrammeRecord), Col("RemindersStopped", ProgrammeRecord)]),
        new("feedback_responses", "Anonymous feedback on a session: which form and session, never who gave it", "Improving sessions", PublicTask,
            "Programme staff; the DfE sees figures only, with small numbers suppressed", Retention.Until("kept as the programme's record: not linked to a person"), RowErasure.KeepRow,
            "Not linked to you, so it cannot be found or erased as yours.",
            [Key("Id"), Key("FormId"), Key("SessionId")]),
        new("feedback_answers", "The ratings and comments in anonymous feedback (a comment may name someone)", "Improving sessions", PublicTask,
            "Programme staff; the DfE sees figures only, with small numbers suppressed", Retention.Until("kept as the programme's record: not linked to a person"), RowErasure.KeepRow,
            "Not linked to you, so it cannot be found as yours; ask us and we will remove a comment that names you.",
            [Key("Id"), Key("ResponseId"), Key("QuestionId"), Col("Rating", ProgrammeRecord), Col("Text", ProgrammeRecord, Keep, "free text: anonymous, but it may name or describe a person")]),

        // Impact (the retention evaluation and the DfE return)
        new("imported_enrolments", "Past New Directors participants loaded for the retention evaluation: email address, register record and the date they accepted",
            "The retention evaluation: whether joining New Directors early keeps directors in post", PublicTask, Staff,
            Retention.For(Period.FromYears(6), "6 years", "the person's last programme activity; for a past participant who is not a participant in Upon, the day they accepted"), RowErasure.KeepRow,
            "The email address is replaced with a pseudonym; the date stays, on the register record (itself pseudonymised), so that the retention evaluation does not change.",
            [Key("Id"), Col("Email", Contact, Pseudonymise), Col("PersonKey", Identity, Keep, "the register record, itself pseudonymised"), Col("AcceptedOn", ProgrammeRecord), Col("ImportedAt", ProgrammeRecord)]),
        new("bali_graduates", "Graduates of the Black and Asian Leadership Initiative: name, email address and year (being listed reveals ethnic origin)",
            "The DfE return's equality figures: how many BALI graduates go on to the programme", EqualityMonitoring, AdministratorsOnly,
            Retention.Until("while the equality figures need it, and at most 6 years after the person's last programme activity"), RowErasure.KeepRow,
            "Your name and email address are replaced with the pseudonym your other records get, so that the count of BALI graduates appointed DCS does not change.",
            [Key("Id"), Col("Email", SpecialCategory, Pseudonymise), Col("GivenName", SpecialCategory, Pseudonymise), Col("FamilyName", SpecialCategory, Pseudonymise), Col("CohortYear", SpecialCategory),
             Col("Source", ProgrammeRecord), Col("RecordedAt", ProgrammeRecord)]),
        new("return_submissions", "The DfE contract returns as submitted: figures only, with the staff member who submitted them",
            "Reporting to the DfE under the contract", PublicTask, "Programme staff and the DfE (figures, small numbers suppressed)",
            Retention.Until("kept as the contract's record"), RowErasure.KeepRow,
            "Figures only; a staff member's email address in SubmittedBy is replaced with the pseudonym when they are erased.",
            [Key("Id"), Col("Period", ProgrammeRecord), Col("Version", ProgrammeRecord), Col("SubmittedAt", ProgrammeRecord), Col("SubmittedBy", DataCategory.Audit),
             Col("Note", ProgrammeRecord), Col("ExactJson", ProgrammeRecord, Keep, "figures, not about a person"), Col("FunderJson", ProgrammeRecord, Keep, "figures with small numbers suppressed")]),
        Reference("workforce_ethnicity", "Published children's social care workforce figures by ethnic group (headcounts, not people)",
            Key("Id"), Key("AreaCode"), Key("AreaName"), Key("EthnicGroup"), Key("Headcount"), Key("Level"), Key("Role"), Key("Year")),
        Reference("census_ethnicity", "Published Census 2021 figures by ethnic group (counts, not people)",
            Key("Id"), Key("AreaCode"), Key("AreaName"), Key("Category"), Key("CategoryCode"), Key("Level"), Key("Observation")),

        // Aspirants (Aspirant Directors: applications and selection)
        Reference("aspirant_cohorts", "Aspirant Directors cohorts: dates, places and selection rules",
            Key("Id"), Key("Name"), Key("OpensAt"), Key("ClosesAt"), Key("Places"), Key("EndsOn"), Key("CreatedAt"), Key("DecisionsReleasedAt"), Key("CompletionMinTaughtDays"),
            Key("Imported"), Key("MaxTiersBelowDcs"), Key("MinYearsSenior"), Key("OfferDeadlineDays"), Key("ProgrammeCohortId"), Key("RequireEndorsement"),
            Key("ReviewsPerApplication"), Key("ScaleMax"), Key("ScaleMin")),
        Reference("aspirant_criteria", "The criteria applications are scored against", Key("Id"), Key("CohortId"), Key("Name"), Key("Order"), Key("Weight")),
        Reference("aspirant_questions", "The questions on an application form", Key("Id"), Key("CohortId"), Key("Order"), Key("Text"), Key("WordLimit")),
        Reference("aspirant_taught_days", "A cohort's taught days", Key("Id"), Key("CohortId"), Key("Date")),
        new("aspirant_applications", "Your application to Aspirant Directors: name, email address, role, employer, experience, your endorser's name and email address, and the outcome",
            "Selecting the cohort and running the programme for those selected", PublicTask, "Programme staff; reviewers see answers without your name; the DfE sees figures only",
            AspirantsRetention, RowErasure.KeepRow,
            "Your name, email address, role and employer and your endorser's details are removed; the application stays without them so that the selection figures do not change.",
            [Key("Id"), Col("ApplicationId", ProgrammeRecord), Key("CohortId"), Col("AuthorityCode", ProgrammeRecord), Col("GivenName", Identity, Pseudonymise),
             Col("FamilyName", Identity, Pseudonymise), Col("Email", Contact, Pseudonymise), Col("RoleTitle", Identity, Blank), Col("OtherEmployer", Identity, Blank),
             Col("TiersBelowDcs", ProgrammeRecord), Col("YearsSenior", ProgrammeRecord), Col("BaliGraduate", SpecialCategory, Keep, "being a BALI graduate reveals ethnic origin; kept only without the name"),
             Col("EndorserName", Contact, Blank), Col("EndorserEmail", Contact, Blank), Col("ConfirmedPersonKey", Identity, Keep, "the register record, itself pseudonymised: kept so that the alumni figures do not change"),
             Col("ParticipantId", Identity, Keep, "the participant record, itself pseudonymised"), Col("ConsiderNextYear", ProgrammeRecord),
             Col("ResumeTokenHash", Credential, Blank), Col("ResumeTokenExpiresAt", Credential, Blank), Col("Status", ProgrammeRecord), Col("SubmittedAt", ProgrammeRecord),
             Col("CreatedAt", ProgrammeRecord), Col("Completed", ProgrammeRecord), Col("Imported", ProgrammeRecord), Col("ImportedEligible", ProgrammeRecord),
             Col("EligibilityOverride", ProgrammeRecord), Col("EligibilityOverrideReason", ProgrammeRecord, Blank), Col("EligibilityOverriddenAt", ProgrammeRecord),
             Col("EligibilityOverriddenBy", DataCategory.Audit), Col("Outcome", ProgrammeRecord), Col("TieBreakReason", ProgrammeRecord, Blank), Col("WaitingPosition", ProgrammeRecord),
             Col("Offer", ProgrammeRecord), Col("OfferedAt", ProgrammeRecord), Col("OfferDeadline", ProgrammeRecord), Col("OfferRespondedAt", ProgrammeRecord)]),
        new("aspirant_answers", "Your answers to the application questions", "Selecting the cohort", PublicTask, "Programme staff, and reviewers without your name",
            AspirantsRetention, RowErasure.KeepRow, "The text of your answers is removed.",
            [Key("Id"), Key("ApplicationId"), Key("QuestionId"), Col("Text", ProgrammeRecord, Blank)]),
        new("aspirant_redactions", "Phrases staff hid from reviewers in your answers (names, places that identify you)", "Anonymous reviewing", PublicTask, "Programme staff",
            AspirantsRetention, RowErasure.DeleteRow, "Deleted.",
            [Key("Id"), Key("AnswerId"), Col("Phrase", Identity), Col("RedactedAt", ProgrammeRecord), Col("RedactedBy", DataCategory.Audit)]),
        new("aspirant_endorsements", "Your endorser's statement and whether they endorsed you, with the reminders sent to them", "Checking each applicant is endorsed by their director",
            PublicTask, "Programme staff", AspirantsRetention, RowErasure.KeepRow, "The statement and the endorser's link are removed; whether you were endorsed stays.",
            [Key("Id"), Key("ApplicationId"), Col("Endorsed", ProgrammeRecord), Col("Statement", ProgrammeRecord, Blank), Col("TokenHash", Credential, Blank),
             Col("ProtectedToken", Credential, Blank), Col("RequestedAt", ProgrammeRecord), Col("DueOn", ProgrammeRecord), Col("RespondedAt", ProgrammeRecord),
             Col("RemindersSent", ProgrammeRecord), Col("LastReminderAt", ProgrammeRecord), Col("RecordedByStaff", ProgrammeRecord)]),
        new("aspirant_equality_monitoring", "Your equality monitoring answers as an applicant: age band, sex, gender, sexual orientation, religion, ethnic group, disability; kept apart from your application",
            "Equality monitoring: whether selection is fair", EqualityMonitoring, AdministratorsOnly, AspirantsRetention, RowErasure.KeepRow,
            "Age band, gender identity, sexual orientation, religion and the two health questions are removed; your ethnic group is reduced to its major group only and, with sex and whether you are disabled (which the figures count), stays on an application that no longer names you, so that the selection's equality figures do not change.",
            [Key("Id"), Key("ApplicationKey"), Key("CohortId"), Col("AgeBand", SpecialCategory, Blank), Col("Sex", SpecialCategory), Col("GenderSameAsAtBirth", SpecialCategory, Blank),
             Col("SexualOrientation", SpecialCategory, Blank), Col("Religion", SpecialCategory, Blank), Col("EthnicityCode", SpecialCategory, GeneraliseEthnicity), Col("EthnicityPreferNotToSay", SpecialCategory),
             Col("Disabled", SpecialCategory), Col("LongTermCondition", SpecialCategory, Blank), Col("ActivitiesReduced", SpecialCategory, Blank), Col("UpdatedAt", ProgrammeRecord)]),
        new("aspirant_reviewers", "Reviewers of applications: name, email address, account and the authorities they may not review",
            "Anonymous, conflict-free reviewing", PublicTask, "Programme staff",
            Retention.For(Period.FromYears(6), "6 years", "the reviewer's last review (a cohort given to them, an application assigned, a review submitted, a recusal or conflict declared)"), RowErasure.KeepRow,
            "The reviewer's name and email address are replaced with a pseudonym; their reviews stay for the selection record.",
            [Key("Id"), Col("GivenName", Identity, Pseudonymise), Col("FamilyName", Identity, Pseudonymise), Col("Email", Contact, Pseudonymise), Col("UserId", Identity, Blank),
             Col("PersonKey", Identity, Keep, "the register record, itself pseudonymised"), Col("ConflictAuthorityCodes", ProgrammeRecord), Col("CreatedAt", ProgrammeRecord)]),
        new("aspirant_cohort_reviewers", "Which reviewers review which cohort", "Reviewing", PublicTask, "Programme staff", SixYearsAfterActivity, RowErasure.KeepRow,
            "Kept without the reviewer's name.", [Key("Id"), Key("CohortId"), Key("ReviewerId"), Col("GrantedAt", ProgrammeRecord), Col("GrantedBy", DataCategory.Audit)]),
        new("aspirant_reviews", "Reviews of your application: who reviewed it, when, and any recusal", "Selecting the cohort", PublicTask, "Programme staff", AspirantsRetention, RowErasure.KeepRow,
            "A recusal's reason is removed; the review stays for the selection record.",
            [Key("Id"), Key("ApplicationId"), Key("ReviewerId"), Col("Status", ProgrammeRecord), Col("AssignedAt", ProgrammeRecord), Col("SubmittedAt", ProgrammeRecord),
             Col("ForModeration", ProgrammeRecord), Col("RecusedAt", ProgrammeRecord), Col("RecusalReason", ProgrammeRecord, Blank)]),
        new("aspirant_scores", "Reviewers' scores and comments on your application", "Selecting the cohort", PublicTask, "Programme staff", AspirantsRetention, RowErasure.KeepRow,
            "Comments are removed; the scores stay for the selection record.",
            [Key("Id"), Key("ReviewId"), Key("CriterionId"), Col("Score", ProgrammeRecord), Col("Comment", ProgrammeRecord, Blank)]),
        new("aspirant_conflicts", "Conflicts of interest reviewers declared on your application, with their reason", "Fair reviewing", PublicTask, "Administrators only (the reason)",
            AspirantsRetention, RowErasure.KeepRow, "The reason is removed.",
            [Key("Id"), Key("ApplicationId"), Key("ReviewerId"), Col("DeclaredAt", ProgrammeRecord), Col("Reason", ProgrammeRecord, Blank)]),
        new("alumni_match_rejections", "Register people staff said are not you, when Upon suggested them as your record as a director (same name and authority)", "Counting alumni who became directors correctly",
            PublicTask, "Administrators only", AspirantsRetention, RowErasure.DeleteRow, "Deleted.",
            [Key("Id"), Key("ApplicationId"), Col("PersonKey", Identity), Col("RejectedAt", ProgrammeRecord), Col("RejectedBy", DataCategory.Audit)]),
        new("aspirant_moderations", "Moderation of your application's score: the new score and the reason", "Fair selection", PublicTask, "Programme staff", AspirantsRetention, RowErasure.KeepRow,
            "The reason is removed; the score stays for the selection record.",
            [Key("Id"), Key("ApplicationId"), Col("Kind", ProgrammeRecord), Col("Score", ProgrammeRecord), Col("Reason", ProgrammeRecord, Blank), Col("At", ProgrammeRecord),
             Col("ModeratedBy", DataCategory.Audit)]),
        Reference("aspirant_learning_sets", "A cohort's action learning sets", Key("Id"), Key("CohortId"), Key("Number"), Key("CreatedAt"), Key("PublishedAt")),
        new("aspirant_learning_set_members", "Which action learning set you are in", "Running the programme", PublicTask, "Programme staff and the set's members", SixYearsAfterActivity,
            RowErasure.DeleteRow, "Deleted.", [Key("Id"), Key("SetId"), Col("ApplicationId", ProgrammeRecord)]),
        Reference("aspirant_learning_set_meetings", "An action learning set's meetings (sessions)", Key("Id"), Key("SetId"), Key("SessionId")),

        // Figure cache
        Reference("data_versions", "A counter raised whenever figure data changes, so cached figures are recomputed", Key("Id"), Key("Version")),
        Reference("leases", "Which instance of the app holds each periodic run's lease, and until when", Key("Name"), Key("Holder"), Key("ExpiresAt")),
        Reference("stored_figures", "Computed figures (totals, no one's details) kept for the command line until the data changes",
            Key("Key"), Key("DataVersion"), Key("Day"), Key("Build"), Key("Json")),

        // Data protection
        new("subject_requests", "Requests to see or erase data made by email, with their due dates", "Answering data protection requests within a month", LegalObligation, "Administrators only",
            Retention.For(Period.FromYears(6), "6 years", "the request was completed"), RowErasure.KeepRow,
            "Kept as the record that the request was answered; the email address is replaced with the pseudonym.",
            [Key("Id"), Col("Email", Contact, Pseudonymise), Col("Kind", ProgrammeRecord), Col("ReceivedOn", ProgrammeRecord), Col("DueOn", ProgrammeRecord),
             Col("Notes", Contact, Blank), Col("RecordedAt", DataCategory.Audit), Col("RecordedBy", DataCategory.Audit), Col("CompletedAt", DataCategory.Audit), Col("CompletedBy", DataCategory.Audit)]),
    ];

    private static readonly Dictionary<string, TablePolicy> ByTable = Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);

    /// <summary>The policy for a table, or null when the map does not list it.</summary>
    public static TablePolicy? For(string table) => ByTable.GetValueOrDefault(table);

    /// <summary>Whether a column holds special-category data: the audit log records only that it changed.</summary>
    public static bool IsSpecialCategory(string? table, string column) =>
        table is not null && For(table)?.Column(column)?.Category == SpecialCategory;

    /// <summary>The retention period of each table that has one, for the retention run.</summary>
    public static IReadOnlyDictionary<string, Period> RetentionPeriods { get; } =
        Tables.Where(t => t.Retention.Period is not null).ToDictionary(t => t.Table, t => t.Retention.Period!, StringComparer.Ordinal);
}
