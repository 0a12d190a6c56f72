using NodaTime;
using Upon.Accounts;
using Upon.Register;

namespace Upon.Aspirants;

/// <summary>
/// Someone who reviews applications: partner staff or a coach, known by email (an account with the same email is
/// theirs). They review for a cohort only with that cohort's reviewer permission (<see cref="CohortReviewer"/>).
/// </summary>
public class AspirantReviewer
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";

    /// <summary>Authorities (DfE LA codes) they work or worked in, from their profile, separated by <c>;</c>. The register adds more for a linked person.</summary>
    public string ConflictAuthorityCodes { get; set; } = "";

    public string? UserId { get; set; }
    public UponUser? User { get; set; }
    public int? PersonKey { get; set; }
    public Person? Person { get; set; }
    public Instant CreatedAt { get; set; }

    public string FullName => $"{GivenName} {FamilyName}".Trim() is { Length: > 0 } name ? name : Email;

    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 320;
    public const int MaxListLength = 2000;
}

/// <summary>The reviewer permission for one cohort.</summary>
public class CohortReviewer
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public AspirantCohort? Cohort { get; set; }
    public int ReviewerId { get; set; }
    public AspirantReviewer? Reviewer { get; set; }
    public Instant GrantedAt { get; set; }
    public string? GrantedBy { get; set; }
}

/// <summary>Where one reviewer's review of one application is.</summary>
public enum ReviewStatus
{
    Assigned,
    Submitted,
    Recused,
}

/// <summary>
/// One application assigned to one reviewer, and their review once submitted: a score on the cohort's scale for each
/// criterion with a short comment. Recusing keeps the row (status recused, with the reason) and the application is
/// reassigned to someone else.
/// </summary>
public class AspirantReview
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
    public int ReviewerId { get; set; }
    public AspirantReviewer? Reviewer { get; set; }
    public ReviewStatus Status { get; set; }
    public Instant AssignedAt { get; set; }
    public Instant? SubmittedAt { get; set; }

    /// <summary>True for a further review asked for by moderation.</summary>
    public bool ForModeration { get; set; }

    public Instant? RecusedAt { get; set; }
    public string? RecusalReason { get; set; }
    public List<AspirantScore> Scores { get; set; } = [];

    public const int MaxReasonLength = 1000;
}

/// <summary>A review's score on one criterion, with its comment.</summary>
public class AspirantScore
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public AspirantReview? Review { get; set; }
    public int CriterionId { get; set; }
    public AspirantCriterion? Criterion { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }

    public const int MaxCommentLength = 2000;
}

/// <summary>A reviewer's declared conflict of interest with one applicant; its reason only administrators see.</summary>
public class AspirantConflict
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
    public int ReviewerId { get; set; }
    public AspirantReviewer? Reviewer { get; set; }
    public required string Reason { get; set; }
    public Instant DeclaredAt { get; set; }

    public const int MaxReasonLength = 1000;
}

/// <summary>How a flagged disagreement was moderated.</summary>
public enum ModerationKind
{
    /// <summary>A further reviewer was asked to review.</summary>
    FurtherReview,

    /// <summary>A moderator set the application's score, with a reason.</summary>
    ModeratorScore,
}

/// <summary>A moderation of an application whose reviews disagreed.</summary>
public class AspirantModeration
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
    public ModerationKind Kind { get; set; }

    /// <summary>The moderator's score, on the scale of a review's total; replaces the calibrated mean as the application's score.</summary>
    public decimal? Score { get; set; }
    public required string Reason { get; set; }
    public string? ModeratedBy { get; set; }
    public Instant At { get; set; }

    public const int MaxReasonLength = 1000;
}
