using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Shared.Security;
using Upon.Accounts;
using Upon.Data;
using Upon.Demo;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Home;

/// <summary>
/// Each role, on the demo data, follows every link from its home page (a few of each kind of page): no link leads it to
/// a page it may not see (403) or to no page at all, and every page its role may use is reached by links, apart from
/// the pages people reach another way (an emailed link, a form's answer), listed with their reason.
/// </summary>
public abstract partial class LinkCrawlTests(UponApp app)
{
    /// <summary>Pages no link needs to reach, and why.</summary>
    private static readonly Dictionary<string, string> ReachedOtherwise = new()
    {
        ["/error/{status:int?}"] = "shown for an error",
        ["/invitations/{secret}"] = "the emailed New Directors invitation link",
        ["/account/set-password"] = "the emailed set-password link",
        ["/account/sign-in"] = "for people not signed in",
        ["/account/sign-in/code"] = "the second step of signing in",
        ["/account/forgot-password"] = "for people not signed in",
        ["/account/sign-out"] = "the sign-out button posts to it",
        ["/account/confirm-password"] = "asked for on the way to a credential page when the sign-in is over 15 minutes old",
        ["/report-a-problem/confirmation"] = "the answer to reporting a problem",
        ["/privacy/requests/{id:int}"] = "a logged data protection request, linked from the to-do list once one is logged (the demo data logs none)",
        ["/my/feedback/{sessionId:int}"] = "the emailed feedback link (also linked from the sessions page while the demo participant has feedback to give)",
        ["/my/feedback/{sessionId:int}/sent"] = "the answer to sending feedback",
        ["/my/feedback/{sessionId:int}/stop-reminders"] = "the emailed stop-reminders link (also linked from the feedback form while it is open)",
        ["/aspirants/apply/return/{secret}"] = "the emailed link back into an application",
        ["/aspirants/endorse/{secret}"] = "the emailed endorsement link sent to the applicant's director",
        ["/aspirants/apply/{cohort}/{step}"] = "the application's steps, for the applicant signed in to their draft",
        ["/aspirants/apply/{cohort}/equality"] = "the optional equality page after submitting, for the applicant signed in to their draft",
        ["/aspirants/apply/{cohort}/offer"] = "the offer, for the applicant signed in by their emailed link",
        ["/aspirants/apply/{cohort}/return-link"] = "the answer to asking for a link back into an application",
        ["/aspirants/apply/{cohort}/submitted"] = "the answer to submitting an application",
        ["/my/learning-set"] = "linked from an aspirant participant's home page once their set is published (the demo participant is a New Director)",
        ["/my/coaching-request/{step?}"] = "linked from a participant's home and coach pages while they have no coach, or have asked to change (the demo participant has a coach)",
    };

    /// <summary>How many addresses of one kind of page (one route) the crawl opens.</summary>
    private const int PerRoute = 3;

    private const int MaxPages = 600;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static readonly SemaphoreSlim DemoLock = new(1, 1);

    private async Task CreateDemoDataAsync()
    {
        await DemoLock.WaitAsync();
        try
        {
            await app.WithScopeAsync(s => s.GetRequiredService<DemoData>().CreateIfEmptyAsync());
            // The test participant account takes over the demo participant's record, with its bookings and journey.
            await app.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<UponDbContext>();
                var user = await s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(UponApp.EmailFor(Roles.Participant));
                if (!await db.Participants.AnyAsync(p => p.UserId == user!.Id))
                {
                    var demo = await db.Participants.SingleAsync(p => p.Email == DemoProgramme.DemoParticipantEmail);
                    demo.UserId = user!.Id;
                    db.ProblemReports.Add(new Upon.Feedback.ProblemReport
                    {
                        Name = "Pat Example",
                        Email = "pat@example.org",
                        Message = "The sessions page is slow.",
                        ReceivedAt = app.Clock.GetCurrentInstant(),
                        UpdatedAt = app.Clock.GetCurrentInstant(),
                    });
                    await db.SaveChangesAsync();
                }
                // The test partner and coach accounts take over the demo reviewers, with their assigned applications.
                foreach (var (demoEmail, role) in new[] { ("partner@upon.test", Roles.PartnerStaff), ("coach@upon.test", Roles.Coach) })
                {
                    if (await db.AspirantReviewers.SingleOrDefaultAsync(r => r.Email == demoEmail) is { } reviewer)
                    {
                        reviewer.Email = UponApp.EmailFor(role);
                        await db.SaveChangesAsync();
                    }
                }
                return true;
            });
        }
        finally
        {
            DemoLock.Release();
        }
    }

    /// <summary>The page routes a role may open: anonymous ones, and those whose policy's roles include it.</summary>
    private async Task<List<(string Route, Regex Pattern)>> RoutesForAsync(string role)
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var routes = new List<(string, Regex)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null || endpoint.RoutePattern.RawText is not { } route)
            {
                continue;
            }
            var allowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                var policy = data.Policy is null ? null : await policies.GetPolicyAsync(data.Policy);
                var roles = data.Roles is { Length: > 0 } named
                    ? [.. named.Split(',', StringSplitOptions.TrimEntries)]
                    : policy?.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
                allowed |= roles is null || roles.Count == 0 || roles.Contains(role);
            }
            var path = "/" + route.TrimStart('/');
            if (allowed && !ReachedOtherwise.ContainsKey(path))
            {
                // An optional last parameter ({step?}) may be left out, slash and all.
                var regex = "^" + string.Concat(path.Split('/').Skip(1).Select(part => RouteParameter().IsMatch(part)
                    ? (part.EndsWith("?}", StringComparison.Ordinal) ? "(?:/" : "/") + RouteParameter().Replace(Regex.Escape(part).Replace(@"\{", "{", StringComparison.Ordinal), m => m.Value.Contains(":int", StringComparison.Ordinal) ? @"\d+" : "[^/]+") + (part.EndsWith("?}", StringComparison.Ordinal) ? ")?" : "")
                    : "/" + Regex.Escape(part))) + "$";
                routes.Add((path, new Regex(regex, RegexOptions.CultureInvariant)));
            }
        }
        // A literal route wins over one with a parameter, as in routing: /admin/accounts/invite is not /admin/accounts/{id}.
        return [.. routes.OrderBy(r => r.Item1.Count(c => c == '{'))];
    }

    [SkippableTheory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.PartnerStaff)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Funder)]
    [InlineData(Roles.Coach)]
    public async Task FromTheHomePage_EveryPageTheRoleMayUseIsReachedByLinks_AndNoLinkIsForbidden(string role)
    {
        app.RequireDatabase();
        await CreateDemoDataAsync();
        var routes = await RoutesForAsync(role);
        var client = app.CreateClient(role);
        var reached = new HashSet<string>();
        var opened = new Dictionary<string, int>();
        var seen = new HashSet<string> { "/" };
        var queue = new Queue<(string Url, string From)>([("/", "(home)")]);
        var broken = new List<string>();
        var pages = 0;
        while (queue.Count > 0 && pages < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            var path = url.Split('?', '#')[0];
            var route = routes.FirstOrDefault(r => r.Pattern.IsMatch(path)).Route;
            if (route is not null)
            {
                reached.Add(route);
                opened[route] = opened.GetValueOrDefault(route) + 1;
                if (opened[route] > PerRoute)
                {
                    continue;
                }
            }
            pages++;
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect or >= HttpStatusCode.InternalServerError)
            {
                broken.Add($"{url} (linked from {from}) answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? " to " + to : "")}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await Html.ParseAsync(response);
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!)))
            {
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }
                var target = href.Split('#')[0];
                if (target.Length > 0 && seen.Add(target))
                {
                    queue.Enqueue((target, url));
                }
            }
        }

        Assert.True(broken.Count == 0, $"As {role}, these links lead nowhere useful:\n{string.Join("\n", broken)}");
        var unreached = routes.Select(r => r.Route).Where(r => !reached.Contains(r)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unreached.Count == 0, $"As {role}, no link reaches:\n{string.Join("\n", unreached)}");
    }
}

public sealed class LinkCrawlTests_Sqlite(SqliteApp app) : LinkCrawlTests(app), IClassFixture<SqliteApp>;

public sealed class LinkCrawlTests_Postgres(PostgresApp app) : LinkCrawlTests(app), IClassFixture<PostgresApp>;
