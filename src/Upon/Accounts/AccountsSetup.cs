using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Accounts;

/// <summary>Identity, cookies and the authorisation policies: every endpoint needs sign-in unless it says otherwise.</summary>
public static class AccountsSetup
{
    /// <summary>The passkey relying party's domain (for example <c>upon.example.org</c>); unset, the request's host.</summary>
    public const string PasskeyServerDomainSetting = "Accounts:PasskeyServerDomain";

    public static IServiceCollection AddUponAccounts(this IServiceCollection services, bool isDevelopment)
    {
        services.AddIdentity<UponUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<UponDbContext>()
            .AddSignInManager<UponSignInManager>()
            .AddClaimsPrincipalFactory<UponClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<UponIdentityErrors>();

        // Passkeys: the relying party is Accounts:PasskeyServerDomain, or else the host the request came to.
        services.AddOptions<IdentityPasskeyOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration[PasskeyServerDomainSetting] is { Length: > 0 } domain)
            {
                o.ServerDomain = domain;
            }
        });

        // A disabled account, or one whose password changed or passkey was removed, loses its sessions within a minute.
        // The rebuilt principal keeps when and how the person signed in: a stamp check is not a new sign-in.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = context =>
            {
                var identity = context.NewPrincipal?.Identities.FirstOrDefault();
                if (identity is not null)
                {
                    identity.AddClaims(SignInClaims.KeptFrom(context.CurrentPrincipal).Where(c => !identity.HasClaim(h => h.Type == c.Type)));
                }
                return Task.CompletedTask;
            };
        });
        // The check is remembered on this instance for its interval, so that it costs one read per account a minute.
        services.AddScoped<SecurityStampValidator<UponUser>>();
        services.AddSingleton<StampCheckMemory>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, RememberedStampChecks>());
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "upon.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        // The short-lived cookie between the password and the security code.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "upon.two-factor";
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "upon.antiforgery";
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddScoped<ApiTokenService>();
        services.AddSingleton<ApiTokenMemory>();
        services.AddScoped<FailedSignInWork>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = ApiTokenAuthentication.CookieOrToken;
                o.DefaultAuthenticateScheme = ApiTokenAuthentication.CookieOrToken;
                o.DefaultChallengeScheme = ApiTokenAuthentication.CookieOrToken;
                o.DefaultForbidScheme = ApiTokenAuthentication.CookieOrToken;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            // A token is only ever read under /api: everywhere else the request has the sign-in cookie or nothing.
            .AddPolicyScheme(ApiTokenAuthentication.CookieOrToken, "Sign-in cookie, or an API token under /api", o => o.ForwardDefaultSelector =
                context => ApiTokenAuthentication.IsApi(context) && ApiTokenAuthentication.HasBearer(context) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme);

        // Staff who must use two-factor sign-in and have not set it up may only reach the set-up page (TwoFactorRule).
        services.AddSingleton(sp => new TwoFactorRule(TwoFactorRule.IsRequired(
            sp.GetRequiredService<IConfiguration>().GetValue(TwoFactorRule.SettingName, true), isDevelopment)));
        services.AddScoped<IAuthorizationHandler, TwoFactorSetUpHandler>();
        services.AddSingleton<IAuthorizationHandler, InteractiveOutsideApiHandler>();
        services.AddSingleton<IAuthorizationHandler, RecentSignInHandler>();
        // Every policy refuses a token's principal outside /api (InteractiveOutsideApiRequirement), whatever scheme chose it.
        var interactive = InteractiveOutsideApiRequirement.Instance;
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(interactive, TwoFactorSetUpRequirement.Instance).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(signedIn)
            .SetFallbackPolicy(signedIn)
            .AddPolicy(TwoFactorRule.SetUpPolicy, p => p.RequireAuthenticatedUser().AddRequirements(interactive))
            .AddPolicy(Policies.RecentSignIn, p => p.RequireAuthenticatedUser().AddRequirements(interactive, RecentSignInRequirement.Instance))
            .AddPolicy(Policies.Administrators, p => p.RequireRole(Roles.Administrator).AddRequirements(interactive, TwoFactorSetUpRequirement.Instance))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Administrator, Roles.PartnerStaff).AddRequirements(interactive, TwoFactorSetUpRequirement.Instance))
            .AddPolicy(Policies.Aggregates, p => p.RequireRole(Roles.Administrator, Roles.PartnerStaff, Roles.Funder).AddRequirements(interactive, TwoFactorSetUpRequirement.Instance))
            .AddPolicy(Policies.Participants, p => p.RequireRole(Roles.Participant).AddRequirements(interactive))
            .AddPolicy(Policies.Programme, p => p.RequireRole(Roles.Administrator, Roles.PartnerStaff, Roles.Coach, Roles.Participant).AddRequirements(interactive, TwoFactorSetUpRequirement.Instance));
        services.AddScoped<AccountService>();
        return services;
    }

    // The JSON API answers 401 and 403 as ProblemDetails instead of redirecting to the sign-in page.
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = status, Title = status == 401 ? "Sign-in required" : "Forbidden" },
            }).AsTask();
        }
        context.Response.Redirect(
            context.HttpContext.Items.ContainsKey(TwoFactorRule.SetUpNeededItem) ? TwoFactorRule.SetUpPath
            : context.HttpContext.Items.ContainsKey(RecentSignInRequirement.NeededItem) ? RecentSignInRequirement.ConfirmUrl(context.HttpContext.Request)
            : context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Fails start-up if any endpoint has neither an authorisation policy nor an explicit anonymous marker, so a new
    /// page cannot be public by accident.
    /// </summary>
    public static void RequireExplicitPolicies(this IEnumerable<Endpoint> endpoints)
    {
        var unmarked = endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();
        if (unmarked.Count > 0)
        {
            throw new InvalidOperationException($"These endpoints have no explicit authorisation policy: {string.Join(", ", unmarked)}. Add [Authorize(Policy = ...)] or [AllowAnonymous].");
        }
    }
}

/// <summary>Identity's messages in GOV.UK style.</summary>
public sealed class UponIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "An account with this email address already exists" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "An account with this email address already exists" };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "This link has expired or has already been used" };

    // Identity's own length check runs before CommonPasswordValidator: it must say the same thing.
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Your password must be at least {length} characters long" };
}
