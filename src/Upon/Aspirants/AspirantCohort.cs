using NodaTime;
using Upon.Sessions;

namespace Upon.Aspirants;

/// <summary>
/// One year's intake of the Aspirant Directors programme (<c>2027-28</c>): its application window, places, eligibility
/// rules, review criteria and scale, how many reviews each application gets, its taught days and offer deadline.
/// </summary>
public class AspirantCohort
{
    public int Id { get; set; }

    /// <summary>The cohort's name, such as <c>2027-28</c>; unique.</summary>
    public required string Name { get; set; }

    /// <summary>When applications open and close (shown and entered in Europe/London time); null for a cohort loaded from records.</summary>
    public Instant? OpensAt { get; set; }
    public Instant? ClosesAt { get; set; }

    public int Places { get; set; }

    /// <summary>Eligibility rule: at least this many years in a senior leadership role; null for no such rule.</summary>
    public decimal? MinYearsSenior { get; set; } = 3;

    /// <summary>Eligibility rule: the role is at most this many tiers below a DCS (1 or 2); null for no such rule.</summary>
    public int? MaxTiersBelowDcs { get; set; } = 2;

    /// <summary>Eligibility rule: the endorsing director said yes.</summary>
    public bool RequireEndorsement { get; set; } = true;

    /// <summary>The review scale's lowest and highest score (default 1 to 5).</summary>
    public int ScaleMin { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;

    /// <summary>How many reviewers each eligible application goes to (default 2).</summary>
    public int ReviewsPerApplication { get; set; } = 2;

    /// <summary>Days an offer stays open after decisions are released.</summary>
    public int OfferDeadlineDays { get; set; } = 14;

    /// <summary>Completion rule: at least this many taught days attended; null until configured.</summary>
    public int? CompletionMinTaughtDays { get; set; }

    /// <summary>The day the cohort's year ends (completion); null means its last taught day, else 31 March of the financial year the name begins with (<see cref="Upon.Core.Aspirants.CohortEnd"/>).</summary>
    public LocalDate? EndsOn { get; set; }

    /// <summary>When the pending selection decisions were released to applicants; null while pending.</summary>
    public Instant? DecisionsReleasedAt { get; set; }

    /// <summary>The Aspirant Directors strand's cohort (Sessions) that accepted applicants join.</summary>
    public int? ProgrammeCohortId { get; set; }
    public Cohort? ProgrammeCohort { get; set; }

    /// <summary>True when the cohort was created by <c>upon aspirants import</c>.</summary>
    public bool Imported { get; set; }
    public Instant CreatedAt { get; set; }

    public List<AspirantCriterion> Criteria { get; set; } = [];
    public List<AspirantQuestion> Questions { get; set; } = [];
    public List<AspirantTaughtDay> TaughtDays { get; set; } = [];
    public List<AspirantApplication> Applications { get; set; } = [];

    public const int MaxNameLength = 40;
    public const int MaxPlaces = 1000;
    public const int MaxScale = 100;
    public const int MaxReviewsPerApplication = 10;
    public const int MaxOfferDeadlineDays = 90;

    /// <summary>Whether the application window is open at <paramref name="now"/>.</summary>
    public bool IsOpenAt(Instant now) => OpensAt is { } open && ClosesAt is { } close && now >= open && now < close;
}

/// <summary>A review criterion of a cohort with its weight; a review's total is the weighted sum of its scores.</summary>
public class AspirantCriterion
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public AspirantCohort? Cohort { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; } = 1;
    public int Order { get; set; }

    public const int MaxNameLength = 200;
    public const decimal MaxWeight = 100;
}

/// <summary>A question the applicant answers in their own words, with its word limit.</summary>
public class AspirantQuestion
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public AspirantCohort? Cohort { get; set; }
    public required string Text { get; set; }
    public int WordLimit { get; set; } = 300;
    public int Order { get; set; }

    public const int MaxTextLength = 1000;
    public const int MaxWordLimit = 2000;
}

/// <summary>The date of one of the cohort's taught days.</summary>
public class AspirantTaughtDay
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public LocalDate Date { get; set; }
}
