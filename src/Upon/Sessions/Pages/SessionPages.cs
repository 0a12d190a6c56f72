using System.Globalization;

namespace Upon.Sessions.Pages;

/// <summary>The addresses of the sessions and programme pages.</summary>
public static class SessionPages
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public const string ListUrl = "/sessions";
    public const string NewUrl = "/sessions/new";
    public const string BulkUrl = "/sessions/bulk";
    public const string StrandsUrl = "/programme/strands";
    public const string ProgrammeUrl = "/programme";
    public const string PublicSessionsUrl = "/programme/sessions";

    public static string Url(int sessionId) => $"/sessions/{Id(sessionId)}";

    public static string EditUrl(int sessionId) => $"/sessions/{Id(sessionId)}/edit";

    public static string CopyUrl(int sessionId) => $"/sessions/{Id(sessionId)}/copy";

    public static string MoveOnlineUrl(int sessionId) => $"/sessions/{Id(sessionId)}/move-online";

    public static string PostponeUrl(int sessionId) => $"/sessions/{Id(sessionId)}/postpone";

    public static string CancelUrl(int sessionId) => $"/sessions/{Id(sessionId)}/cancel";

    public static string PublicUrl(int sessionId) => $"/programme/sessions/{Id(sessionId)}";

    public static string StrandEditUrl(int strandId) => $"/programme/strands/{Id(strandId)}/edit";

    public static string NewCohortUrl(int strandId) => $"/programme/strands/{Id(strandId)}/cohorts/new";

    public static string CohortEditUrl(int cohortId) => $"/programme/cohorts/{Id(cohortId)}/edit";

    /// <summary>The staff list of a strand's upcoming sessions.</summary>
    public static string ListUrlFor(int strandId) => $"/sessions?strand={Id(strandId)}";

    /// <summary>The staff list of a cohort's upcoming sessions.</summary>
    public static string ListUrlForCohort(int strandId, int cohortId) => $"/sessions?strand={Id(strandId)}&cohort={Id(cohortId)}";

    /// <summary>The audit log of one session, for administrators.</summary>
    public static string AuditUrl(int sessionId) => $"/admin/audit?EntityType=Session&EntityId={Id(sessionId)}";
}

/// <summary>Button labels the forms and their warnings share.</summary>
public static class SessionPagesText
{
    public const string Create = "Create session";
    public const string CreateAnyway = "Create session anyway";
    public const string Save = "Save changes";
    public const string SaveAnyway = "Save changes anyway";
}
