namespace Upon.Shared.Security;

/// <summary>The roles of the platform. An account has exactly one.</summary>
public static class Roles
{
    /// <summary>Everything, including accounts and configuration.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Programme work (register, sessions, participants, coaching, applications); no account administration.</summary>
    public const string PartnerStaff = "PartnerStaff";

    /// <summary>Their own profile, and only the participants they coach.</summary>
    public const string Coach = "Coach";

    /// <summary>Their own record, journey, bookings and coaching.</summary>
    public const string Participant = "Participant";

    /// <summary>The DfE: aggregate reports only, small numbers suppressed; never a person-level record.</summary>
    public const string Funder = "Funder";

    public static readonly IReadOnlyList<string> All = [Administrator, PartnerStaff, Coach, Participant, Funder];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string Label(string role) => role switch
    {
        PartnerStaff => "Partner staff",
        _ => role,
    };
}

/// <summary>The authorisation policies pages and endpoints name explicitly.</summary>
public static class Policies
{
    /// <summary>Administrators only.</summary>
    public const string Administrators = "Administrators";

    /// <summary>Administrators and partner staff: programme work, person-level records.</summary>
    public const string Staff = "Staff";

    /// <summary>Staff and the funder: aggregate figures with small numbers suppressed.</summary>
    public const string Aggregates = "Aggregates";

    /// <summary>Participants: their own bookings, calendar and journey.</summary>
    public const string Participants = "Participants";

    /// <summary>Everyone running or taking part in the programme (not the funder): the session timetable.</summary>
    public const string Programme = "Programme";

    /// <summary>An interactive sign-in whose password or second factor was entered in the last 15 minutes: creating a credential.</summary>
    public const string RecentSignIn = "RecentSignIn";
}
