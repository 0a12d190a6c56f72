using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Data;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Impact;

/// <summary>
/// The retention evaluation over a register imported from CSV, with past participants loaded by the real
/// <c>upon newdirectors import enrolments</c> and one enrolment recorded in Upon, checked against figures worked out by
/// hand: from <c>upon report retention</c>, <c>/api/reports/retention</c> and the page, exact for staff and suppressed
/// for the funder.
/// <code>
/// who  LA   type       tenure                      as of 2025-03-31       joined                          group
/// p1   301  permanent  2021-01-01 to 2021-12-31    ended, 365 days        Upon 2021-01-15, file 2021-05-01 participant (day 14: earlier counts)
/// p2   302  permanent  2021-01-01 to 2022-12-31    ended, 730 days        file 2021-02-01                 participant
/// p3   303  permanent  2022-01-01, running         censored, 1186 days    file 2022-03-01 (day 59)        participant
/// p4   304  acting     2023-01-01, running         censored, 821 days     file 2023-03-31 (day 89)        participant
/// c1   305  permanent  2021-01-01 to 2021-06-30    ended, 181 days        -                               comparison
/// c2   306  interim    2021-01-01 to 2021-12-31    ended, 365 days        file 2021-04-01 (day 90)        comparison
/// c3   307  permanent  2022-01-01, running         censored, 1186 days    -                               comparison
/// x1   308  permanent  2021-01-01 to 2021-03-01    60 days: under the landmark   file 2021-01-10          out
/// x2   309  permanent  2019-01-01, running         before InvitingSince          file 2019-02-01          out
/// x3   310  permanent  2025-04-01, running         starts after the as-of date   -                        out
/// </code>
/// Participants 365E, 730E, 1186+, 821+: S(12 mo = 365.25 d) 3/4; S(24 mo) 3/4 · 2/3 = 1/2 (median 730 d); S(36 mo) 1/2.
/// Comparison 181E, 365E, 1186+: S(12) 2/3 · 1/2 = 1/3 (median 365 d); S(24) = S(36) = 1/3. Log-rank worked out by hand
/// at the event times 181, 365, 730 (O 2, E 2.6548, V 0.78795): chi-square 0.54408. By type: interim is p4 (821+) against
/// c2 (365E): E 0.5, V 0.25, chi-square 1, p 0.3173; c2's survival at 12 months is null (its longest time is 365 days).
/// </summary>
public abstract class RetentionTests(UponApp app)
{
    private const string AsOf = "2025-03-31";

    private static readonly string[] DateParts = ["day", "month", "year"];
    private static readonly ConcurrentDictionary<UponApp, Lazy<Task<bool>>> Built = new();

    private Task<bool> ScenarioAsync() => Built.GetOrAdd(app, a => new Lazy<Task<bool>>(() => BuildAsync(a))).Value;

    private static async Task<bool> BuildAsync(UponApp app)
    {
        string Row(string la, string person, string type, string start, string end = "") =>
            $"{la},{person},Given{person},Family{person},{type},{start},{end},{(end.Length > 0 ? "resigned" : "")},{(end.Length > 0 ? "no" : "")},{person}@example.org,2025-06-01";
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines(
            CsvFiles.Header + ",email,recorded_date",
            Row("301", "ret-p1", "permanent", "2021-01-01", "2021-12-31"),
            Row("302", "ret-p2", "permanent", "2021-01-01", "2022-12-31"),
            Row("303", "ret-p3", "permanent", "2022-01-01"),
            Row("304", "ret-p4", "acting", "2023-01-01"),
            Row("305", "ret-c1", "permanent", "2021-01-01", "2021-06-30"),
            Row("306", "ret-c2", "interim", "2021-01-01", "2021-12-31"),
            Row("307", "ret-c3", "permanent", "2022-01-01"),
            Row("308", "ret-x1", "permanent", "2021-01-01", "2021-03-01"),
            Row("309", "ret-x2", "permanent", "2019-01-01"),
            Row("310", "ret-x3", "permanent", "2025-04-01")))));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        // p1 enrolled in Upon on day 14 (as staff or an acceptance would record it).
        await app.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.PersonId == "ret-p1");
            var strand = await StrandSetup.StandingStrandAsync(db, StrandSetup.NewDirectorsSlug, CancellationToken.None);
            db.Participants.Add(new Participant
            {
                GivenName = person.GivenName, FamilyName = person.FamilyName, Email = "ret-p1@example.org", PersonKey = person.Id,
                CreatedAt = app.Clock.GetCurrentInstant(),
                Enrolments = [new Enrolment { StrandId = strand.Id, StartsOn = new LocalDate(2021, 1, 15), EndsOn = new LocalDate(2023, 1, 14), Status = EnrolmentStatus.Completed }],
            });
            await db.SaveChangesAsync();
        });

        var file = CsvFiles.Write(CsvFiles.Lines(
            "person_id,email,accepted_date",
            "ret-p1,ret-p1@example.org,2021-05-01",
            "ret-p2,ret-p2@example.org,2021-02-01",
            "ret-p3,ret-p3@example.org,2022-03-01",
            "ret-p4,ret-p4@example.org,2023-03-31",
            "ret-c2,ret-c2@example.org,2021-04-01",
            "ret-x1,ret-x1@example.org,2021-01-10",
            "ret-x2,ret-x2@example.org,2019-02-01"));
        var import = await UponCli.RunAsync(app.Database, "newdirectors", "import", "enrolments", file);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal("7 enrolments: 7 added, 0 updated, 0 unchanged.", import.Output.Trim());
        return true;
    }

    private static void AssertGroup(JsonElement group, string name, int n, int events, double? median, double? s12, double? s24, double? s36)
    {
        Assert.Equal(name, group.GetProperty("group").GetString());
        Assert.Equal(n, group.GetProperty("n").GetInt32());
        Assert.Equal(events, group.GetProperty("events").GetInt32());
        AssertNumber(median, group.GetProperty("medianMonths"));
        AssertNumber(s12, group.GetProperty("survival12"));
        AssertNumber(s24, group.GetProperty("survival24"));
        AssertNumber(s36, group.GetProperty("survival36"));
    }

    private static void AssertNumber(double? expected, JsonElement actual)
    {
        if (expected is { } value)
        {
            Assert.Equal(value, actual.GetDouble(), 1e-12);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        }
    }

    private static void AssertExactFigures(JsonElement json)
    {
        Assert.Equal(AsOf, json.GetProperty("asOf").GetString());
        Assert.Equal(90, json.GetProperty("landmarkDays").GetInt32());
        var groups = json.GetProperty("groups");
        AssertGroup(groups[0], "participants", 4, 2, 730 / 30.4375, 0.75, 0.5, 0.5);
        AssertGroup(groups[1], "comparison", 3, 2, 365 / 30.4375, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        AssertNumber(0.5440843195798408, json.GetProperty("logRank").GetProperty("chiSquare"));
        AssertNumber(0.46074496363772655, json.GetProperty("logRank").GetProperty("pValue"));

        var permanent = json.GetProperty("byType")[0];
        Assert.Equal("permanent", permanent.GetProperty("type").GetString());
        AssertGroup(permanent.GetProperty("groups")[0], "participants", 3, 2, 730 / 30.4375, 2.0 / 3, 1.0 / 3, 1.0 / 3);
        AssertGroup(permanent.GetProperty("groups")[1], "comparison", 2, 1, 181 / 30.4375, 0.5, 0.5, 0.5);
        AssertNumber(0.0004275331338178679, permanent.GetProperty("logRank").GetProperty("chiSquare"));
        AssertNumber(0.9835034166535261, permanent.GetProperty("logRank").GetProperty("pValue"));

        var interim = json.GetProperty("byType")[1];
        Assert.Equal("interim", interim.GetProperty("type").GetString());
        AssertGroup(interim.GetProperty("groups")[0], "participants", 1, 0, null, 1, 1, null);
        AssertGroup(interim.GetProperty("groups")[1], "comparison", 1, 1, 365 / 30.4375, null, null, null);
        AssertNumber(1.0, interim.GetProperty("logRank").GetProperty("chiSquare"));
        AssertNumber(0.31731050786291404, interim.GetProperty("logRank").GetProperty("pValue"));
    }

    [SkippableFact]
    public async Task ReportRetention_Json_GivesTheHandWorkedFigures_AndTheApiTheSame()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var run = await UponCli.RunAsync(app.Database, "report", "retention", "--as-of", AsOf, "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var cli = JsonDocument.Parse(run.Output);
        AssertExactFigures(cli.RootElement);
        Assert.False(cli.RootElement.TryGetProperty("suppressed", out _));

        var response = await app.CreateApiClient(Roles.PartnerStaff).GetAsync(new Uri($"/api/reports/retention?asOf={AsOf}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(run.Output.Trim(), (await response.Content.ReadAsStringAsync()).Trim());
    }

    [SkippableFact]
    public async Task ParticipantRetention_ForTheContractReturn_ExactAndSuppressed()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var retention = await app.WithScopeAsync(s => s.GetRequiredService<Upon.Impact.RetentionEvaluation>()
            .ParticipantRetentionAsync(new LocalDate(2025, 3, 31), new Upon.Core.Disclosure.DisclosureRule()));

        Assert.Equal((4, 0.75, 0.5), (retention.Participants, retention.Survival12, retention.Survival24));
        Assert.True(retention.DisclosedParticipants.IsSuppressed);
        Assert.True(retention.DisclosedSurvival12.IsSuppressed);
    }

    private static JsonElement ReturnFigure(JsonElement document, string key) =>
        document.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray()).Single(f => f.GetProperty("key").GetString() == key);

    [SkippableFact]
    public async Task DfeReturn_GivesParticipantsRetention_AsOfThePeriodsEnd_ExactForStaff_SuppressedForTheFunder()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        // 2024-25-Q4 ends on the as-of day of the hand-worked figures: 3/4 beyond 12 months, 1/2 beyond 24.
        var staffResponse = await app.CreateApiClient(Roles.PartnerStaff).GetAsync(new Uri("/api/reports/dfe-return?period=2024-25-Q4", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, staffResponse.StatusCode);
        using var staff = JsonDocument.Parse(await staffResponse.Content.ReadAsStringAsync());
        var section = staff.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "retention");
        Assert.Equal("Retention", section.GetProperty("title").GetString());
        var twelve = ReturnFigure(staff.RootElement, "participantsRetained12MonthsShare");
        Assert.Equal("share", twelve.GetProperty("unit").GetString());
        Assert.Contains("Kaplan-Meier", twelve.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.75, twelve.GetProperty("thisPeriod").GetDouble());
        Assert.Equal(0.5, ReturnFigure(staff.RootElement, "participantsRetained24MonthsShare").GetProperty("thisPeriod").GetDouble());
        // Q3 (as of 2024-12-31): the same four participants, p4 at 730 days still running, so 3/4 and 1/2 again.
        Assert.Equal(0.75, twelve.GetProperty("lastPeriod").GetDouble());
        // 2023-24-Q4 (as of 2024-03-31): p4 is in (day 456); p3 at 821 days; the 24-month share is 3/4 · 2/3 = 1/2.
        Assert.Equal(0.75, twelve.GetProperty("samePeriodLastYear").GetDouble());

        // The funder: four participants are a small group, so both shares are suppressed (named, never left out).
        var funderResponse = await app.CreateApiClient(Roles.Funder).GetAsync(new Uri("/api/reports/dfe-return?period=2024-25-Q4", UriKind.Relative));
        using var funder = JsonDocument.Parse(await funderResponse.Content.ReadAsStringAsync());
        foreach (var key in new[] { "participantsRetained12MonthsShare", "participantsRetained24MonthsShare" })
        {
            var figure = ReturnFigure(funder.RootElement, key);
            Assert.Equal(JsonValueKind.Null, figure.GetProperty("thisPeriod").ValueKind);
            Assert.Contains("thisPeriod", figure.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        }

        // The command line gives the same figures, in JSON and CSV.
        var json = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2024-25-Q4");
        Assert.True(json.ExitCode == 0, json.ToString());
        using (var cli = JsonDocument.Parse(json.Output))
        {
            Assert.Equal(0.5, ReturnFigure(cli.RootElement, "participantsRetained24MonthsShare").GetProperty("thisPeriod").GetDouble());
        }
        var csv = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2024-25-Q4", "--format", "csv", "--funder");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.Contains(csv.Output.Split("\r\n"), l => l.StartsWith("2024-25-Q4,funder,draft,,retention,participantsRetained12MonthsShare,", StringComparison.Ordinal) && l.Contains(",share,c,", StringComparison.Ordinal));

        // The printable page shows the section to staff.
        var page = await app.CreateClient(Roles.PartnerStaff).GetStringAsync(new Uri("/reports/dfe-return?period=2024-25-Q4", UriKind.Relative));
        Assert.Contains("participantsRetained12MonthsShare", page, StringComparison.Ordinal);
        Assert.Contains("75.0%", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReportRetention_Table_AndABadAsOf()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var table = await UponCli.RunAsync(app.Database, "report", "retention", "--as-of", AsOf);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("participants", table.Output, StringComparison.Ordinal);
        Assert.Contains("Interim or acting", table.Output, StringComparison.Ordinal);
        Assert.Contains("75.0%", table.Output, StringComparison.Ordinal);

        var bad = await UponCli.RunAsync(app.Database, "report", "retention", "--as-of", "9999-01-01");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("as-of date must be between 1 January 2000", bad.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportEnrolments_BadFile_ListsEveryErrorByLineAndColumn_AndWritesNothing()
    {
        app.RequireDatabase();
        await ScenarioAsync();
        var before = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ImportedEnrolments.CountAsync());

        var file = CsvFiles.Write(CsvFiles.Lines(
            "person_id,email,accepted_date",
            "ret-c1,ret-c1@example.org,2021-02-01",
            "nobody,nobody@example.org,2021-02-01",
            "ret-c3,not-an-email,2021-02-30",
            "ret-c1,ret-c1@example.org,9999-01-01"));
        var run = await UponCli.RunAsync(app.Database, "newdirectors", "import", "enrolments", file);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("Line 3, column person_id ('nobody'): No one in the register has this identifier.", lines);
        Assert.Contains("Line 4, column email ('not-an-email'): Enter an email address in the correct format, like name@example.org.", lines);
        Assert.Contains(lines, l => l.StartsWith("Line 4, column accepted_date ('2021-02-30'): The accepted date must be a real date", StringComparison.Ordinal));
        Assert.Contains("Line 5, column person_id ('ret-c1'): This person is already on line 2.", lines);
        Assert.Contains(lines, l => l.StartsWith("Line 5, column accepted_date ('9999-01-01'): The accepted date must be between 1 January 2000 and today", StringComparison.Ordinal));
        Assert.Equal("5 error(s): nothing was imported.", lines[^1]);
        Assert.Equal(before, await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ImportedEnrolments.CountAsync()));

        var header = await UponCli.RunAsync(app.Database, "newdirectors", "import", "enrolments", CsvFiles.Write("person_id,mail,accepted_date\nret-c1,a@example.org,2021-01-01\n"));
        Assert.Equal(1, header.ExitCode);
        Assert.Contains("Line 1, column email: The column email is missing from the header.", header.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportEnrolments_AgainChangesNothing_AndKeepsThoseOutsideThePopulation()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var kept = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ImportedEnrolments
            .Where(e => e.Person!.PersonId == "ret-x1" || e.Person!.PersonId == "ret-x2").CountAsync());
        Assert.Equal(2, kept);
        var emails = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.CountAsync(m => m.To.StartsWith("ret-")));
        Assert.Equal(0, emails);

        var again = await UponCli.RunAsync(app.Database, "newdirectors", "import", "enrolments",
            CsvFiles.Write("person_id,email,accepted_date\nret-p2,ret-p2@example.org,2021-02-01\n"));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("1 enrolments: 0 added, 0 updated, 1 unchanged.", again.Output.Trim());
    }

    [SkippableFact]
    public async Task Api_Funder_SmallGroupsSuppressed_NamedInSuppressed_NeverOmitted()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var response = await app.CreateApiClient(Roles.Funder).GetAsync(new Uri($"/api/reports/retention?asOf={AsOf}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        var participants = root.GetProperty("groups")[0];
        foreach (var field in new[] { "n", "events", "medianMonths", "survival12", "survival24", "survival36" })
        {
            Assert.Equal(JsonValueKind.Null, participants.GetProperty(field).ValueKind);
        }
        Assert.Equal(JsonValueKind.Null, root.GetProperty("logRank").GetProperty("chiSquare").ValueKind);
        var suppressed = root.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("participants.n", suppressed);
        Assert.Contains("comparison.events", suppressed);
        Assert.Contains("logRank", suppressed);
        Assert.Contains("interim.participants.n", suppressed);
        Assert.Equal(AsOf, root.GetProperty("asOf").GetString());
    }

    [SkippableFact]
    public async Task Api_Funder_GetsTheFiguresAsOfTheLatestQuarterEnd_StaffAsOfTheDayAsked()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        async Task<JsonElement> Get(string role)
        {
            var response = await app.CreateApiClient(role).GetAsync(new Uri("/api/reports/retention?asOf=2025-05-15", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.Clone();
        }
        Assert.Equal("2025-03-31", (await Get(Roles.Funder)).GetProperty("asOf").GetString());
        Assert.Equal("2025-05-15", (await Get(Roles.PartnerStaff)).GetProperty("asOf").GetString());
        var page = await app.CreateClient(Roles.Funder).GetDocumentAsync("/impact/retention?asOf=2025-05-15");
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.Contains("as of 31 March 2025", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("9999-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("2025-02-30")]
    [InlineData("-0001-01-01")]
    [InlineData("last-year")]
    public async Task Api_BadAsOf_IsProblemDetails(string asOf)
    {
        app.RequireDatabase();

        var response = await app.CreateApiClient(Roles.PartnerStaff).GetAsync(new Uri($"/api/reports/retention?asOf={asOf}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var chart = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri($"/impact/retention/chart.svg?asOf={asOf}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, chart.StatusCode);
    }

    [SkippableFact]
    public async Task Page_Staff_ShowsTheFiguresDefinitionsAndChart()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var doc = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"/impact/retention?asOf={AsOf}");

        Assert.Equal("4", doc.QuerySelector("#groups-table tr[data-set='all'][data-group='participants'] [data-figure='n']")?.GetAttribute("data-value"));
        Assert.Equal("0.75", doc.QuerySelector("#groups-table tr[data-set='all'][data-group='participants'] [data-figure='survival12']")?.GetAttribute("data-value"));
        Assert.Equal("75.0%", doc.QuerySelector("#groups-table tr[data-set='all'][data-group='participants'] [data-figure='survival12']")?.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("#observational-note"));
        Assert.NotNull(doc.QuerySelector("#definitions [data-definition='population']"));
        Assert.NotNull(doc.QuerySelector("#suppression-note"));
        Assert.Equal("4", doc.QuerySelector("#curve-table tr[data-months='0'] [data-figure='atRiskParticipants']")?.TextContent.Trim());
        Assert.StartsWith("/impact/retention/chart.svg", doc.QuerySelector("#retention-chart")?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("As of 31 March 2025, participants", doc.QuerySelector("#retention-chart")?.GetAttribute("alt"), StringComparison.Ordinal);

        var chart = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri($"/impact/retention/chart.svg?asOf={AsOf}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Page_Funder_ShowsCAndNoSmallNumberAtRisk()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var response = await app.CreateClient(Roles.Funder).GetAsync(new Uri($"/impact/retention?asOf={AsOf}", UriKind.Relative));
        var doc = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", doc.QuerySelector("#groups-table tr[data-set='all'][data-group='participants'] [data-figure='n']")?.GetAttribute("data-value"));
        Assert.Contains("[c]", doc.QuerySelector("#groups-table tr[data-set='all'][data-group='participants'] [data-figure='n']")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#suppression-rules"));
        foreach (var cell in doc.QuerySelectorAll("#curve-table [data-figure^='atRisk']"))
        {
            Assert.DoesNotMatch("^[1-4]$", cell.TextContent.Trim());
        }
        var chart = await (await app.CreateClient(Roles.Funder).GetAsync(new Uri($"/impact/retention/chart.svg?asOf={AsOf}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("<svg", chart, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Page_BadAsOf_400WithTheErrorSummary()
    {
        app.RequireDatabase();

        var response = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri("/impact/retention?asOf=2025-13-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(["'2025-13-01' is not a date: use the form YYYY-MM-DD, such as 2025-03-31."], doc.ErrorSummary());
        Assert.Equal("#AsOfDate-day", doc.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Page_TakesTheDayAsAGovUkDateInput()
    {
        app.RequireDatabase();
        await ScenarioAsync();
        var client = app.CreateClient(Roles.PartnerStaff);

        var asked = await client.GetDocumentAsync("/impact/retention?AsOfDate.day=31&AsOfDate.month=3&AsOfDate.year=2025");
        Assert.Contains(asked.QuerySelectorAll("h2"), h => h.TextContent.Contains("as of 31 March 2025", StringComparison.Ordinal));
        Assert.Equal("4", asked.QuerySelector("#groups-table tr[data-set='all'][data-group='participants'] [data-figure='n']")?.GetAttribute("data-value"));
        Assert.Equal(["31", "3", "2025"], DateParts.Select(p => asked.QuerySelector($"#AsOfDate-{p}")?.GetAttribute("value")));

        var linked = await client.GetDocumentAsync($"/impact/retention?asOf={AsOf}");
        Assert.Equal(["31", "3", "2025"], DateParts.Select(p => linked.QuerySelector($"#AsOfDate-{p}")?.GetAttribute("value")));

        var today = await client.GetDocumentAsync("/impact/retention");
        Assert.False(string.IsNullOrEmpty(today.QuerySelector("#AsOfDate-year")?.GetAttribute("value")), "Today is not filled in.");
        Assert.Null(today.QuerySelector(".govuk-error-summary"));

        foreach (var (query, message, href) in new[]
        {
            ("AsOfDate.day=31&AsOfDate.year=2025", "Evaluation date must include a month", "#AsOfDate-month"),
            ("AsOfDate.day=31&AsOfDate.month=2&AsOfDate.year=2025", "Evaluation date must be a real date", "#AsOfDate-day"),
            ("AsOfDate.day=1&AsOfDate.month=1&AsOfDate.year=25", "The year of the evaluation date must include 4 numbers", "#AsOfDate-year"),
            ("AsOfDate.day=1&AsOfDate.month=1&AsOfDate.year=1999", "The evaluation date must be between 1 January 2000 and", "#AsOfDate-day"),
        })
        {
            var response = await client.GetAsync(new Uri($"/impact/retention?{query}", UriKind.Relative));
            var doc = await Html.ParseAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(message, Assert.Single(doc.ErrorSummary()), StringComparison.Ordinal);
            Assert.Equal(href, doc.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
            Assert.NotNull(doc.QuerySelector($"{href}.govuk-input--error"));
            Assert.Null(doc.QuerySelector("#groups-table"));
        }
    }

    [SkippableFact]
    public async Task HomePages_LinkToTheEvaluation()
    {
        app.RequireDatabase();
        foreach (var role in new[] { Roles.PartnerStaff, Roles.Funder })
        {
            var home = await app.CreateClient(role).GetDocumentAsync("/");
            Assert.NotNull(home.QuerySelector("a[href='/impact/retention']"));
        }
    }
}

public sealed class RetentionTests_Sqlite(SqliteApp app) : RetentionTests(app), IClassFixture<SqliteApp>;

public sealed class RetentionTests_Postgres(PostgresApp app) : RetentionTests(app), IClassFixture<PostgresApp>;
