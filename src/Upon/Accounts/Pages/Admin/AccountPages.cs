using Upon.Shared.Security;
namespace Upon.Accounts.Pages.Admin;

/// <summary>Addresses and choices shared by the account administration pages.</summary>
public static class AccountPages
{
    /// <summary>The TempData key under which a new set-password link travels to the account's page (never in a URL).</summary>
    public const string LinkKey = "SetPasswordLink";

    public static string Url(string id) => $"/admin/accounts/{Uri.EscapeDataString(id)}";

    /// <summary>"https://upon.example.org/account/set-password?token=...": the path on the address this request came to.</summary>
    public static string AbsoluteLink(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";

    /// <summary>What each role may do, as a hint beside its radio.</summary>
    public static string Describe(string role) => role switch
    {
        Roles.Administrator => "Everything, including accounts and the audit log",
        Roles.PartnerStaff => "Programme work: the register, sessions, participants, coaching and applications",
        Roles.Coach => "Their own profile and the participants they coach",
        Roles.Participant => "Their own record, journey, bookings and coaching",
        Roles.Funder => "Aggregate reports only",
        _ => "",
    };
}
