using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Data;

namespace Upon.Aspirants.Apply;

/// <summary>
/// How an applicant gets back to their application without a password. The first page, and the "return to your
/// application" page, email a link whose secret is stored only as its hash; it works once, within
/// <see cref="LinkValidDays"/> days. Using it (or starting a new application) signs the browser in to that one
/// application with a cookie encrypted by the app's data-protection keys, valid <see cref="SignInHours"/> hours. Every
/// page saves what it is given, so when the cookie runs out nothing is lost: a new link carries on.
/// </summary>
public sealed class ApplicantSignIn(UponDbContext db, IClock clock, IDataProtectionProvider dataProtection, IConfiguration configuration)
{
    public const int LinkValidDays = 7;
    public const int SignInHours = 12;
    public const string CookieName = "upon-applicant";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Upon.Aspirants.ApplicantSignIn");

    public static string ReturnPath(string secret) => $"/aspirants/apply/return/{secret}";

    /// <summary>Gives the application a new single-use link (earlier ones stop working) and returns it in full.</summary>
    public string IssueLink(AspirantApplication application)
    {
        var secret = SecretTokens.New();
        application.ResumeTokenHash = SecretTokens.Hash(secret);
        application.ResumeTokenExpiresAt = clock.GetCurrentInstant() + Duration.FromDays(LinkValidDays);
        return Upon.Shared.AppLinks.BaseUrl(configuration) + ReturnPath(secret);
    }

    /// <summary>The application a link signs in to, using the link up; null when it is unknown, used or expired.</summary>
    public async Task<AspirantApplication?> RedeemAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(secret);
        var application = await db.AspirantApplications.Include(a => a.Cohort).FirstOrDefaultAsync(a => a.ResumeTokenHash == hash, cancellationToken);
        if (application is null || application.ResumeTokenExpiresAt is not { } expires || expires <= clock.GetCurrentInstant())
        {
            return null;
        }
        application.ResumeTokenHash = null;
        application.ResumeTokenExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>
    /// Signs this browser in to the application. <paramref name="byEmailedLink"/> says the applicant proved they read
    /// the application's email address (they used its emailed link), which showing them their data requires.
    /// </summary>
    public void SignIn(HttpContext context, int applicationKey, bool byEmailedLink = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var until = clock.GetCurrentInstant() + Duration.FromHours(SignInHours);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{applicationKey}|{until.ToUnixTimeSeconds()}|{(byEmailedLink ? EmailConfirmed : "")}");
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/aspirants",
            // No Expires: a browser-session cookie; the encrypted payload carries the server-checked expiry.
            IsEssential = true,
        });
    }

    public static void SignOut(HttpContext context) =>
        context?.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/aspirants" });

    /// <summary>The key of the application this browser is signed in to, or null.</summary>
    public int? SignedIn(HttpContext context) => Session(context)?.Key;

    /// <summary>The application this browser signed in to by its emailed link (so its email address is proven), or null.</summary>
    public int? SignedInByEmailedLink(HttpContext context) => Session(context) is { ByEmailedLink: true } session ? session.Key : null;

    private const string EmailConfirmed = "link";

    private (int Key, bool ByEmailedLink)? Session(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and < 2000 } cookie)
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(cookie).Split('|');
            if (parts.Length is 2 or 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
                && Instant.FromUnixTimeSeconds(until) > clock.GetCurrentInstant())
            {
                return (key, parts.Length == 3 && parts[2] == EmailConfirmed);
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
        return null;
    }
}
