using NodaTime;
using Upon.Register;
using Upon.Sessions;

namespace Upon.Aspirants;

/// <summary>Where an application is: a draft the applicant is still writing, or submitted.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
}

/// <summary>The selection decision on an application.</summary>
public enum SelectionOutcome
{
    Selected,
    Waiting,
    NotSelected,
    Withdrawn,
}

/// <summary>Where a selected applicant's offer of a place stands.</summary>
public enum OfferStatus
{
    Offered,
    Accepted,
    Declined,
    Expired,
}

/// <summary>
/// One person's application to a cohort. Identified outside Upon by <see cref="ApplicationId"/> (the imported
/// <c>application_id</c>, or one Upon gives). Its equality monitoring answers are not here: they are in
/// <see cref="AspirantEqualityMonitoring"/>, which nothing a reviewer or decision-maker reads ever joins.
/// </summary>
public class AspirantApplication : Upon.Shared.Privacy.IBaliGraduateFlag
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public AspirantCohort? Cohort { get; set; }

    /// <summary>The application's identifier, unique within its cohort (the import's <c>application_id</c>).</summary>
    public required string ApplicationId { get; set; }

    public required string Email { get; set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";

    /// <summary>The authority they work in (DfE LA code), or null with <see cref="OtherEmployer"/> named instead.</summary>
    public string? AuthorityCode { get; set; }
    public Authority? Authority { get; set; }
    public string? OtherEmployer { get; set; }
    public string? RoleTitle { get; set; }
    public decimal? YearsSenior { get; set; }

    /// <summary>Eligibility answer: how many tiers below the director of children's services their role is.</summary>
    public int? TiersBelowDcs { get; set; }

    /// <summary>The director of children's services who endorses the application.</summary>
    public string? EndorserName { get; set; }
    public string? EndorserEmail { get; set; }

    /// <summary>They declared themselves a graduate of the Black and Asian Leadership Initiative (self-declared, not checked).</summary>
    public bool BaliGraduate { get; set; }

    /// <summary>
    /// The applicant's answer to "If you are not selected this year, may we keep your application to consider you next
    /// year?": yes keeps a not-selected application one more cycle before the retention run erases it; null when not answered.
    /// </summary>
    public bool? ConsiderNextYear { get; set; }

    public ApplicationStatus Status { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? SubmittedAt { get; set; }

    /// <summary>The save-and-return link's secret, kept only as its hash, and when it stops working.</summary>
    public string? ResumeTokenHash { get; set; }
    public Instant? ResumeTokenExpiresAt { get; set; }

    /// <summary>Eligibility as the imported record gives it; wins over the rules.</summary>
    public bool? ImportedEligible { get; set; }

    /// <summary>Staff's override of the rules' result, with its reason (audited).</summary>
    public bool? EligibilityOverride { get; set; }
    public string? EligibilityOverrideReason { get; set; }
    public string? EligibilityOverriddenBy { get; set; }
    public Instant? EligibilityOverriddenAt { get; set; }

    /// <summary>The selection decision: pending until the cohort's decisions are released, final once imported.</summary>
    public SelectionOutcome? Outcome { get; set; }

    /// <summary>Position on the waiting list (1 first) while <see cref="Outcome"/> is waiting.</summary>
    public int? WaitingPosition { get; set; }

    /// <summary>The documented positive-action tie-break (Equality Act 2010 s.158) that ordered this application among equal scores.</summary>
    public string? TieBreakReason { get; set; }

    public OfferStatus? Offer { get; set; }
    public Instant? OfferedAt { get; set; }
    public Instant? OfferDeadline { get; set; }
    public Instant? OfferRespondedAt { get; set; }

    /// <summary>Whether they completed the programme year; null while not known.</summary>
    public bool? Completed { get; set; }

    /// <summary>The participant they became on accepting; null before.</summary>
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }

    /// <summary>The register person staff confirmed this alumnus is (when the email alone does not say so).</summary>
    public int? ConfirmedPersonKey { get; set; }
    public Person? ConfirmedPerson { get; set; }

    /// <summary>True for an application loaded by <c>upon aspirants import applications</c>.</summary>
    public bool Imported { get; set; }

    public List<AspirantAnswer> Answers { get; set; } = [];
    public List<AspirantReview> Reviews { get; set; } = [];
    public AspirantEndorsement? Endorsement { get; set; }

    public string FullName => $"{GivenName} {FamilyName}".Trim();

    public const int MaxApplicationIdLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 320;
    public const int MaxRoleTitleLength = 200;
    public const int MaxEmployerLength = 200;
    public const int MaxReasonLength = 1000;
    public const decimal MaxYearsSenior = 60;
}

/// <summary>The applicant's answer to one of the cohort's questions.</summary>
public class AspirantAnswer
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
    public int QuestionId { get; set; }
    public AspirantQuestion? Question { get; set; }
    public string Text { get; set; } = "";
    public List<AspirantRedaction> Redactions { get; set; } = [];

    public const int MaxTextLength = 20000;
}

/// <summary>Words staff hid from reviewers in an answer because they could identify the applicant.</summary>
public class AspirantRedaction
{
    public int Id { get; set; }
    public int AnswerId { get; set; }
    public AspirantAnswer? Answer { get; set; }

    /// <summary>The words hidden wherever they occur in the answer (matched ignoring case).</summary>
    public required string Phrase { get; set; }
    public string? RedactedBy { get; set; }
    public Instant RedactedAt { get; set; }

    public const int MaxPhraseLength = 200;
}

/// <summary>
/// The endorsing director's answer: asked by an emailed link whose secret is kept only as a hash, due a week after the
/// window closes; or recorded by staff when it came another way.
/// </summary>
public class AspirantEndorsement
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
    public string? TokenHash { get; set; }

    /// <summary>The link's secret encrypted with the app's data-protection keys, so that reminders carry the same link.</summary>
    public string? ProtectedToken { get; set; }
    public Instant? RequestedAt { get; set; }
    public LocalDate? DueOn { get; set; }
    public Instant? LastReminderAt { get; set; }
    public int RemindersSent { get; set; }

    /// <summary>Yes or no; null while not answered.</summary>
    public bool? Endorsed { get; set; }
    public string? Statement { get; set; }
    public Instant? RespondedAt { get; set; }

    /// <summary>The staff member who recorded an endorsement received another way; null when the director answered by the link.</summary>
    public string? RecordedByStaff { get; set; }

    public const int MaxStatementLength = 2000;
}
