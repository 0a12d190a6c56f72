using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// Every endpoint the running host maps, requested anonymously, as each role with the sign-in cookie and as each role
/// with an API token, against an explicit table of who may use it. A token answers as its role under /api and as nobody
/// elsewhere: a page that needs sign-in refuses it (401 or a redirect to sign-in, never 200). A new page that is not in
/// the table fails this test, and a denied request never gets 200.
/// </summary>
public sealed class AuthorisationMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Anonymous = "Anonymous";
    private const string TokenPrefix = "Token:";
    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] Staff = [Roles.Administrator, Roles.PartnerStaff];
    private static readonly string[] Aggregates = [Roles.Administrator, Roles.PartnerStaff, Roles.Funder];
    private static readonly string[] Programme = [Roles.Administrator, Roles.PartnerStaff, Roles.Coach, Roles.Participant];

    /// <summary>Who may use each route: the explicit table the test checks the running host against.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["/"] = Everyone,
        ["/error/{status:int?}"] = Everyone,
        ["/account/sign-in"] = Everyone,
        ["/account/sign-out"] = Everyone,
        ["/account/set-password"] = Everyone,
        ["/account/forgot-password"] = Everyone,
        ["/account/tokens"] = [.. Roles.All],
        ["/account"] = [.. Roles.All],
        ["/account/two-factor"] = [.. Roles.All],
        ["/account/passkeys"] = [.. Roles.All],
        ["/account/confirm-password"] = [.. Roles.All],
        ["/account/sign-in/code"] = Everyone,
        ["/openapi/{documentName}.json"] = Everyone,
        ["/register"] = Staff,
        ["/register/authorities/{code}"] = Staff,
        ["/register/people/{personId}"] = Staff,
        ["/register/appointments/add"] = Staff,
        ["/register/appointments/{id:int}/edit"] = Staff,
        ["/register/appointments/{id:int}/end"] = Staff,
        ["/register/upload"] = Staff,
        ["/register/export"] = Staff,
        ["/register/turnover"] = Aggregates,
        ["/register/turnover/changes.svg"] = Aggregates,
        ["/register/turnover/survival.svg"] = Aggregates,
        ["/register/turnover.csv"] = Aggregates,
        ["/api/authorities"] = Staff,
        ["/api/authorities/{code}"] = Staff,
        ["/api/people/{personId}"] = Staff,
        ["/api/reports/turnover"] = Aggregates,
        ["/api/reports/invitations"] = Aggregates,
        ["/api/reports/retention"] = Aggregates,
        ["/impact/retention"] = Aggregates,
        ["/impact/retention/chart.svg"] = Aggregates,
        ["/new-directors/figures"] = Aggregates,
        ["/reports/dfe-return"] = Aggregates,
        ["/reports/dfe-return/download"] = Aggregates,
        ["/api/reports/dfe-return"] = Aggregates,
        ["/reports/equality"] = Aggregates,
        ["/reports/equality/chart.svg"] = Aggregates,
        ["/coaching"] = Staff,
        ["/coaching/rounds"] = [Roles.Administrator],
        ["/coaching/figures"] = Aggregates,
        ["/coaching/coaches/invite"] = [Roles.Administrator],
        ["/coaching/characteristics"] = [Roles.Administrator],
        ["/api/reports/coaching"] = Aggregates,
        ["/coaching/rounds/{id:int}"] = [Roles.Administrator],
        ["/coaching/rounds/{id:int}/request"] = [Roles.Administrator],
        ["/coaching/relationships/{id:int}"] = Staff,
        ["/coach/profile"] = [Roles.Coach],
        ["/coach/coachees"] = [Roles.Coach],
        ["/coach/calendar"] = [Roles.Coach],
        ["/my/coach"] = [Roles.Participant],
        ["/my/coach/change/{id:int}"] = [Roles.Participant],
        ["/my/coaching-request/{step?}"] = [Roles.Participant],
        ["/admin/audit"] = [Roles.Administrator],
        ["/aspirants/apply"] = Everyone,
        ["/aspirants/apply/{cohort}"] = Everyone,
        ["/aspirants/apply/{cohort}/{step}"] = Everyone,
        ["/aspirants/apply/{cohort}/equality"] = Everyone,
        ["/aspirants/apply/{cohort}/return-link"] = Everyone,
        ["/aspirants/apply/{cohort}/submitted"] = Everyone,
        ["/aspirants/apply/{cohort}/offer"] = Everyone,
        ["/aspirants/apply/return/{secret}"] = Everyone,
        ["/aspirants/apply/your-data"] = Everyone,
        ["/aspirants/endorse/{secret}"] = Everyone,
        ["/aspirants/endorsements"] = Staff,
        ["/aspirants/endorsements/{id:int}"] = Staff,
        ["/aspirants/review"] = [Roles.PartnerStaff, Roles.Coach],
        ["/aspirants/review/{id:int}"] = [Roles.PartnerStaff, Roles.Coach],
        ["/aspirants"] = [Roles.Administrator],
        ["/aspirants/alumni"] = [Roles.Administrator],
        ["/aspirants/alumni/matches"] = [Roles.Administrator],
        ["/aspirants/{id:int}/alumni"] = [Roles.Administrator],
        ["/aspirants/{id:int}"] = [Roles.Administrator],
        ["/aspirants/{id:int}/applications"] = [Roles.Administrator],
        ["/aspirants/{id:int}/equality"] = [Roles.Administrator],
        ["/aspirants/{id:int}/reviewers"] = [Roles.Administrator],
        ["/aspirants/{id:int}/selection"] = [Roles.Administrator],
        ["/aspirants/applications/{id:int}"] = [Roles.Administrator],
        ["/aspirants/{id:int}/participants"] = [Roles.Administrator],
        ["/aspirants/{id:int}/learning-sets"] = [Roles.Administrator],
        ["/aspirants/learning-sets/{id:int}/meetings"] = [Roles.Administrator],
        ["/my/learning-set"] = [Roles.Participant],
        ["/admin/audit/export"] = [Roles.Administrator],
        ["/admin/accounts"] = [Roles.Administrator],
        ["/admin/accounts/invite"] = [Roles.Administrator],
        ["/admin/accounts/{id}"] = [Roles.Administrator],
        ["/report-a-problem"] = Everyone,
        ["/report-a-problem/confirmation"] = Everyone,
        ["/admin/problems"] = Staff,
        ["/admin/problems/{id:int}"] = Staff,
        ["/programme"] = Everyone,
        ["/programme/sessions"] = Everyone,
        ["/programme/sessions/{id:int}"] = Everyone,
        ["/programme/strands"] = Staff,
        ["/programme/strands/new"] = Staff,
        ["/programme/strands/{id:int}/edit"] = Staff,
        ["/programme/strands/{id:int}/cohorts/new"] = Staff,
        ["/programme/cohorts/{id:int}/edit"] = Staff,
        ["/sessions"] = Staff,
        ["/sessions/new"] = Staff,
        ["/sessions/bulk"] = Staff,
        ["/sessions/{id:int}"] = Staff,
        ["/sessions/{id:int}/edit"] = Staff,
        ["/sessions/{id:int}/copy"] = Staff,
        ["/sessions/{id:int}/move-online"] = Staff,
        ["/sessions/{id:int}/postpone"] = Staff,
        ["/sessions/{id:int}/cancel"] = Staff,
        ["/sessions/{id:int}/bookings"] = Staff,
        ["/sessions/{id:int}/register"] = Staff,
        ["/sessions/{id:int}/register/import"] = Staff,
        ["/sessions/attendance"] = Staff,
        ["/sessions/attendance.csv"] = Staff,
        ["/sessions/attendance.xlsx"] = Staff,
        ["/sessions/attendance/marks.csv"] = Staff,
        ["/participants"] = Staff,
        ["/participants/{id:int}"] = Staff,
        ["/my/attendance"] = [Roles.Participant],
        ["/my/sessions"] = [Roles.Participant],
        ["/my/sessions/{id:int}"] = [Roles.Participant],
        ["/my/calendar"] = [Roles.Participant],
        ["/my/equality"] = [Roles.Participant, Roles.Coach],
        ["/my/data"] = [.. Roles.All],
        ["/privacy"] = Everyone,
        ["/privacy/requests"] = [Roles.Administrator],
        ["/privacy/requests/new"] = [Roles.Administrator],
        ["/privacy/requests/{id:int}"] = [Roles.Administrator],
        ["/privacy/erase"] = [Roles.Administrator],
        ["/participants/{id:int}/equality"] = [Roles.Administrator],
        ["/api/strands"] = Programme,
        ["/api/sessions"] = Programme,
        ["/api/sessions/{id:int}"] = Programme,
        ["/api/participants"] = Staff,
        ["POST /api/sessions"] = Staff,
        // Coaches pass the policy but are refused by the endpoint: only participants and staff book.
        ["/api/sessions/{id:int}/bookings"] = [Roles.Administrator, Roles.PartnerStaff, Roles.Participant],
        ["/api/sessions/{id:int}/bookings/{bookingId:int}"] = Programme,
        ["/calendars/strands/{slug}.ics"] = Everyone,
        ["/invitations/{secret}"] = Everyone,
        ["/calendars/private/{secret}.ics"] = Everyone,
        ["/calendars/coach/{secret}.ics"] = Everyone,
        ["/health/live"] = Everyone,
        ["/health/ready"] = Everyone,
        ["/my/journey"] = [Roles.Participant],
        ["/new-directors"] = Staff,
        ["/new-directors/participants/{enrolmentId:int}"] = Staff,
        ["/new-directors/invitations"] = Staff,
        ["/new-directors/invitations/{invitationId:int}"] = Staff,
        ["/my/feedback"] = [Roles.Participant],
        ["/my/feedback/{sessionId:int}"] = [Roles.Participant],
        ["/my/feedback/{sessionId:int}/sent"] = [Roles.Participant],
        ["/my/feedback/{sessionId:int}/stop-reminders"] = [Roles.Participant],
        ["/feedback"] = Staff,
        ["/feedback/sessions/{id:int}"] = Staff,
        ["/feedback/comments/{id:guid}/remove"] = Staff,
        ["/feedback/strands/{id:int}"] = Staff,
        ["/feedback/chart.svg"] = Staff,
        ["/feedback/export.{format}"] = Staff,
        ["/feedback/forms"] = Staff,
        ["/feedback/forms/new"] = Staff,
        ["/feedback/forms/{id:int}"] = Staff,
        ["/feedback/figures"] = Aggregates,
        ["/api/reports/feedback"] = Aggregates,
    };

    [Fact]
    public async Task EveryEndpoint_AnswersEachRoleAsTheTableSays()
    {
        var seeded = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines(
            CsvFiles.Header, "805,MATRIX-1,Mat,Rix,permanent,2015-01-01,2020-03-31,retired,no"))));
        Assert.True(seeded.Succeeded);
        var appointmentId = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<Upon.Data.UponDbContext>().Appointments.Single(a => a.Person!.PersonId == "MATRIX-1").Id));
        var programme = await SeedProgrammeAsync();

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Method: MethodOf(e)))
            .Distinct()
            .ToList();
        var routes = endpoints.Select(e => e.Route).Distinct().ToList();
        var missing = routes.Where(r => !Allowed.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, $"Add these routes to the authorisation table: {string.Join(", ", missing)}");

        var failures = new List<string>();
        foreach (var (route, method) in endpoints)
        {
            var url = Sample(route, appointmentId, programme);
            foreach (var caller in Everyone.Concat(Roles.All.Select(r => TokenPrefix + r)))
            {
                var token = caller.StartsWith(TokenPrefix, StringComparison.Ordinal) ? caller[TokenPrefix.Length..] : null;
                // A token is its role under /api; anywhere else it is no sign-in at all.
                var who = token is null ? caller : route.StartsWith("/api/", StringComparison.Ordinal) ? token : Anonymous;
                using var client = token is not null ? app.CreateApiClient(token) : who == Anonymous ? app.CreateAnonymousClient() : app.CreateClient(who);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    if (token is null && who != Anonymous && route.StartsWith("/api/", StringComparison.Ordinal))
                    {
                        // A signed-in page calling the API sends its antiforgery token (ApiAntiforgeryTests check it is needed).
                        var page = await client.GetDocumentAsync("/report-a-problem");
                        request.Headers.Add("RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
                    }
                }
                var response = await client.SendAsync(request);
                var status = response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (status == HttpStatusCode.Redirect && (location.Contains("/account/sign-in", StringComparison.Ordinal) || location.Contains("/error/403", StringComparison.Ordinal)));
                // A route whose methods differ in who may use them has a "METHOD /route" entry for the odd one out.
                var allowed = (Allowed.TryGetValue($"{method} {route}", out var forMethod) ? forMethod : Allowed[route]).Contains(who);
                if (allowed && refused)
                {
                    failures.Add($"{caller} was refused {method} {url} ({(int)status} {location})");
                }
                if (!allowed && (!refused || status == HttpStatusCode.OK))
                {
                    failures.Add($"{caller} was not refused {method} {url} ({(int)status})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(Roles.Coach)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Funder)]
    public async Task StaffForm_PostByOtherRole_IsRefusedAndWritesNothing(string role)
    {
        var client = app.CreateClient(role);
        var response = await client.PostAsync(new Uri("/register/appointments/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AuthorityCode"] = "806",
            ["PersonId"] = $"SNEAK-{role}",
        }));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<Upon.Data.UponDbContext>().People.Any(p => p.PersonId == $"SNEAK-{role}"))));
    }

    /// <summary>The ids a strand's, a cohort's and a session's pages are requested with.</summary>
    private sealed record ProgrammeIds(int StrandId, int CohortId, int SessionId);

    /// <summary>A cohort of the Aspirant Directors strand and a session of it, so that their pages answer 200 to those allowed.</summary>
    private async Task<ProgrammeIds> SeedProgrammeAsync() => await app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<Upon.Data.UponDbContext>();
        var strand = db.Strands.Single(x => x.Slug == Upon.Sessions.StrandSetup.AspirantDirectorsSlug);
        var cohort = new Upon.Sessions.Cohort { StrandId = strand.Id, Name = "Matrix cohort", StartsOn = new NodaTime.LocalDate(2026, 9, 1), EndsOn = new NodaTime.LocalDate(2027, 7, 31) };
        db.Cohorts.Add(cohort);
        var session = new Upon.Sessions.Session { Uid = Upon.Sessions.SessionSchedule.NewUid(), Title = "Matrix session", StrandId = strand.Id, Capacity = 10 };
        Upon.Sessions.SessionSchedule.SetTimes(session, new NodaTime.LocalDateTime(2027, 1, 15, 14, 0), new NodaTime.LocalDateTime(2027, 1, 15, 16, 0));
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return new ProgrammeIds(strand.Id, cohort.Id, session.Id);
    });

    /// <summary>GET where the endpoint answers it (pages, most of the API), otherwise the one method it maps.</summary>
    private static string MethodOf(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
        return methods.Count == 0 || methods.Contains("GET") ? "GET" : methods[0];
    }

    private static string Sample(string route, int appointmentId, ProgrammeIds programme) => Route(route, appointmentId, programme)
        .Replace("{bookingId:int}", "1", StringComparison.Ordinal)
        .Replace("{enrolmentId:int}", "1", StringComparison.Ordinal)
        .Replace("{invitationId:int}", "1", StringComparison.Ordinal)
        .Replace("{sessionId:int}", programme.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{id:guid}", "00000000-0000-4000-8000-000000000001", StringComparison.Ordinal)
        .Replace("{format}", "csv", StringComparison.Ordinal)
        .Replace("{slug}", "new-directors", StringComparison.Ordinal)
        .Replace("{secret}", "not-a-secret", StringComparison.Ordinal)
        .Replace("{status:int?}", "404", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{code}", "805", StringComparison.Ordinal)
        .Replace("{**personId}", "MATRIX-1", StringComparison.Ordinal)
        .Replace("{personId}", "MATRIX-1", StringComparison.Ordinal);

    /// <summary>Puts the programme's ids in the routes of its strands, cohorts and sessions.</summary>
    private static string Route(string route, int appointmentId, ProgrammeIds programme)
    {
        var id = route switch
        {
            _ when route.StartsWith("/programme/strands/", StringComparison.Ordinal) || route.StartsWith("/feedback/strands/", StringComparison.Ordinal) => programme.StrandId,
            _ when route.StartsWith("/feedback/sessions/", StringComparison.Ordinal) => programme.SessionId,
            _ when route.StartsWith("/programme/cohorts/", StringComparison.Ordinal) => programme.CohortId,
            _ when route.StartsWith("/sessions/", StringComparison.Ordinal) || route.StartsWith("/programme/sessions/", StringComparison.Ordinal) => programme.SessionId,
            _ => appointmentId,
        };
        return route.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
