using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Tests.Accounts;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.NewDirectors;

/// <summary>
/// The New Directors invitation figures over a register imported from CSV, with invitations sent by the real
/// <c>upon invitations run --as-of</c> on chosen days and answered through the invitation page, checked against values
/// worked out by hand: from <c>upon report invitations</c>, <c>/api/reports/invitations</c> and the figures page, exact
/// for staff and suppressed for the funder.
/// </summary>
public abstract partial class InvitationFiguresTests(UponApp app)
{
    private static readonly string[] FigureFields = ["start", "recorded", "sent", "days", "within", "answer"];

    /// <summary>
    /// The scenario takes place in the financial year after the one containing the real date. The web app's fake clock is
    /// moved through it (the import records appointments on its "today"), and <c>upon invitations run --as-of</c> acts on
    /// chosen days. <c>upon report invitations</c> runs in its own process on the real clock, which decides whether an
    /// invitation still marked sent has expired: every invitation here is sent in the future of the real date, so none
    /// has expired by that clock unless a run expired it.
    ///
    /// "Today" is A, 15 November of that year (Y). Day offsets are from A.
    /// <code>
    /// who   post(s)            start        told (fake today)  sent (run)   days  within  told late  answer
    /// Dan   301 permanent      A-60         A-50               A-50         10    yes     10         none: expired at run A-20
    /// Jo    302, then 303      Y-100 days   A-50 (both)        -            -     -       278        none: first post in Y-1, ended before it was told
    /// Ada   304 interim        A-20         A-20               A-20          0    yes     no (0)     accepted on the page
    /// Ben   305 permanent      A-14         A-20               A-10          4    yes     no (-6)    declined on the page
    /// Cat   306 acting         A-40         A-20               A-20         20    no      20         awaiting (expires A+8)
    /// Eve   307 permanent      A+5          A-20               -            -     not yet no         none: not due until A+5
    /// Fay   308 permanent      A-8          A-20               -            -     not yet no         none: no email recorded
    /// Gus   309 permanent      A-5          A                  A             5    yes     5          awaiting
    /// Hal   310 permanent      A-30         A                  A            30    no      30         declined in conversation
    /// Ivy   311 permanent      A-200        A                  -            -     -       200        none: told over 6 months late (history)
    /// Kim   312 permanent      31 March Y   A                  -            -     not yet no         none: not due yet
    /// Lee   313 permanent      1 April Y+1  A                  -            -     -       no         none: not due yet (counts in Y+1)
    /// Mia   314 + 315 shared   A-3          A                  A             3    yes     3          accepted through the service
    /// </code>
    /// Year Y: 11 first-time directors (Dan, Ada, Ben, Cat, Eve, Fay, Gus, Hal, Ivy, Kim, Mia; Mia once for two posts).
    /// Invited 7 (Dan, Ada, Ben, Cat, Gus, Hal, Mia). Days 0, 3, 4, 5, 10, 20, 30: median 5. Within 14 days 5 (Ada, Ben,
    /// Dan, Gus, Mia): rate 5 / 11 = 0.454545... = 0.4545. Accepted 2 (Ada, Mia), declined 2 (Ben, Hal), awaiting 2 (Cat,
    /// Gus; Dan expired). Recorded late 6 (Mia 3, Gus 5, Dan 10, Cat 20, Hal 30, Ivy 200): median (10 + 20) / 2 = 15.
    /// Year Y-1: Jo, 1 first-time director, not invited (rate 0), told 278 days late (Y-100 days to A-50 = Y+178 days).
    /// Year Y+1: Lee, 1 first-time director, not invited, told in advance.
    /// </summary>
    private sealed record Scenario(FinancialYear Year, LocalDate Today, IReadOnlyList<string> Runs)
    {
        public FinancialYear Previous => Year.Previous();

        public FinancialYear Next => Year.Next();

        public LocalDate Day(int offset) => Today.PlusDays(offset);
    }

    private static readonly ConcurrentDictionary<UponApp, Lazy<Task<Scenario>>> Scenarios = new();

    /// <summary>The scenario, built once per app (each test class has its own database).</summary>
    private Task<Scenario> ScenarioAsync() =>
        Scenarios.GetOrAdd(app, a => new Lazy<Task<Scenario>>(() => BuildAsync(a))).Value;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static void SetToday(UponApp app, LocalDate day) =>
        app.Clock.Reset(day.At(new LocalTime(12, 0)).InZoneLeniently(Time.London).ToInstant());

    private static async Task ImportAsync(UponApp app, LocalDate today, params string[] rows)
    {
        SetToday(app, today);
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>()
            .ImportAsync(new StringReader(CsvFiles.Lines([CsvFiles.Header + ",email", .. rows]))));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    private static async Task<string> RunAsync(UponApp app, LocalDate asOf)
    {
        var run = await UponCli.RunAsync(app.Database, "invitations", "run", "--as-of", Iso(asOf));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Split('\n')[0].Trim();
    }

    /// <summary>The secret of the link in the first email sent to <paramref name="email"/>: the invitation.</summary>
    private static async Task<string> SecretAsync(UponApp app, string email) =>
        await app.WithScopeAsync(async s =>
        {
            var text = await s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.TextBody).FirstAsync();
            return LinkSecret().Match(text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No link in: {text}");
        });

    [GeneratedRegex(@"/invitations/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkSecret();

    private static async Task<Scenario> BuildAsync(UponApp app)
    {
        var year = FinancialYear.Containing(SystemClock.Instance.TodayInLondon()).Next();
        var a = year.FirstDay.PlusDays(228); // 15 November
        string D(int offset) => Iso(a.PlusDays(offset));
        var runs = new List<string>();

        await ImportAsync(app, a.PlusDays(-50),
            $"301,ndf-dan,Dan,Quarrington,permanent,{D(-60)},,,,dan@example.org",
            $"302,ndf-jo,Jo,Pemberthy,permanent,{Iso(year.FirstDay.PlusDays(-100))},{Iso(year.FirstDay.PlusDays(-10))},moved_to_another_dcs_post,no,jo@example.org",
            $"303,ndf-jo,Jo,Pemberthy,interim,{D(-15)},,,,jo@example.org");
        runs.Add(await RunAsync(app, a.PlusDays(-50)));

        await ImportAsync(app, a.PlusDays(-20),
            $"304,ndf-ada,Ada,Quillfeather,interim,{D(-20)},,,,ada@example.org",
            $"305,ndf-ben,Ben,Ravensworth,permanent,{D(-14)},,,,ben@example.org",
            $"306,ndf-cat,Cat,Stillingfleet,acting,{D(-40)},,,,cat@example.org",
            $"307,ndf-eve,Eve,Trevithick,permanent,{D(5)},,,,eve@example.org",
            $"308,ndf-fay,Fay,Umberleigh,permanent,{D(-8)},,,,");
        runs.Add(await RunAsync(app, a.PlusDays(-20)));
        runs.Add(await RunAsync(app, a.PlusDays(-10)));

        await ImportAsync(app, a,
            $"309,ndf-gus,Gus,Vavasour,permanent,{D(-5)},,,,gus@example.org",
            $"310,ndf-hal,Hal,Wetherall,permanent,{D(-30)},,,,hal@example.org",
            $"311,ndf-ivy,Ivy,Yelverton,permanent,{D(-200)},,,,ivy@example.org",
            $"312,ndf-kim,Kim,Zouche,permanent,{Iso(year.LastDay)},,,,kim@example.org",
            $"313,ndf-lee,Lee,Abernethy,permanent,{Iso(year.Next().FirstDay)},,,,lee@example.org",
            $"314,ndf-mia,Mia,Blenkinsop,permanent,{D(-3)},,,,mia@example.org",
            $"315,ndf-mia,Mia,Blenkinsop,permanent,{D(-3)},,,,mia@example.org");
        runs.Add(await RunAsync(app, a));

        // Answers, on A at noon: Ada accepts and Ben declines on the page their email links to; Mia accepts.
        SetToday(app, a);
        var ada = await SecretAsync(app, "ada@example.org");
        var accepted = await app.CreateAnonymousClient().PostFormAsync($"/invitations/{ada}", new Dictionary<string, string>(), $"/invitations/{ada}?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var ben = await SecretAsync(app, "ben@example.org");
        var declined = await app.CreateAnonymousClient().PostFormAsync($"/invitations/{ben}",
            new Dictionary<string, string> { ["Reason"] = "Not this year" }, $"/invitations/{ben}?handler=Decline");
        Assert.NotNull((await Html.ParseAsync(declined)).QuerySelector("#declined"));
        var mia = await SecretAsync(app, "mia@example.org");
        Assert.NotNull(await app.WithScopeAsync(s => s.GetRequiredService<InvitationAcceptance>().AcceptAsync(mia)));

        // Hal told the programme team on the phone: recorded as staff record a decline in conversation.
        await app.WithDbAsync(async db =>
        {
            var hal = await db.DirectorInvitations.SingleAsync(i => i.Person!.PersonId == "ndf-hal");
            hal.Status = InvitationStatus.Declined;
            hal.DeclinedInConversation = true;
            hal.DeclineReason = "Said on the phone they are not able to join this year";
            hal.AnsweredAt = app.Clock.GetCurrentInstant();
            hal.AnsweredOn = a;
            await db.SaveChangesAsync();
        });
        return new Scenario(year, a, runs);
    }

    private static readonly string[] FieldNames =
    [
        "financialYear", "firstTimeDirectors", "invited", "invitedWithin14Days", "invitedWithin14DaysRate", "medianDaysToInvitation",
        "accepted", "declined", "awaitingAnswer", "recordedLate", "medianDaysRecordedLate",
    ];

    /// <summary>The figures and then <c>toDate</c>, true for the financial year not yet over: the JSON fields and the CSV header.</summary>
    private static readonly string[] JsonFieldNames = [.. FieldNames, "toDate"];

    /// <summary>Year Y, worked out by hand above.</summary>
    private static InvitationYearFigures ExpectedYear(Scenario s) => new(s.Year.Label, 11, 7, 5, 0.4545, 5, 2, 2, 2, 6, 15);

    /// <summary>Year Y-1: Jo alone, never invited, told 278 days late.</summary>
    private static InvitationYearFigures ExpectedPrevious(Scenario s) => new(s.Previous.Label, 1, 0, 0, 0, null, 0, 0, 0, 1, 278);

    /// <summary>Year Y+1: Lee alone, not invited yet, told in advance.</summary>
    private static InvitationYearFigures ExpectedNext(Scenario s) => new(s.Next.Label, 1, 0, 0, 0, null, 0, 0, 0, 0, null);

    private static string Normalised(JsonElement element) => JsonSerializer.Serialize(element);

    private static string Normalised(object expected) => JsonSerializer.Serialize(JsonSerializer.SerializeToElement(expected, TurnoverReport.Json));

    private static JsonElement WithoutToDate(JsonElement years) => Parse(JsonSerializer.Serialize(
        years.EnumerateArray().Select(y => y.EnumerateObject().Where(p => p.Name != "toDate").ToDictionary(p => p.Name, p => p.Value))));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> ApiAsync(string role, string url)
    {
        var response = await app.CreateClient(role).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    private static string[] Suppressed(JsonElement year) => [.. year.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()!)];

    [SkippableFact]
    public async Task InvitationsRun_OnEachDay_SendsRemindsAndExpiresWhatIsDue()
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();

        Assert.Equal(
            [
                "1 sent, 0 reminders, 0 expired, 0 waiting for an email address.", // A-50: Dan
                "2 sent, 0 reminders, 1 expired, 0 waiting for an email address.", // A-20: Ada, Cat; Dan's 28 days ran out on A-22
                "1 sent, 2 reminders, 0 expired, 0 waiting for an email address.", // A-10: Ben; Ada's and Cat's first reminders (day 7)
                "3 sent, 3 reminders, 0 expired, 1 waiting for an email address.", // A: Gus, Hal, Mia; Ada and Cat day 14, Ben day 7; Fay has no email
            ],
            s.Runs);
    }

    [SkippableFact]
    public async Task ReportInvitations_Json_GivesTheFiguresWorkedOutByHand()
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();

        var all = await UponCli.RunAsync(app.Database, "report", "invitations", "--format", "json");
        var one = await UponCli.RunAsync(app.Database, "report", "invitations", "--format", "json", "--year", s.Year.Label);

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.True(one.ExitCode == 0, one.ToString());
        var years = Parse(all.Output);
        Assert.Equal(
            // The command line runs on the real clock, which is in year Y-1: that year is the one to date.
            [Normalised(ExpectedPrevious(s) with { ToDate = true }), Normalised(ExpectedYear(s)), Normalised(ExpectedNext(s))],
            years.EnumerateArray().Select(Normalised));
        var year = Parse(one.Output);
        Assert.Equal(JsonFieldNames, year.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Normalised(ExpectedYear(s)), Normalised(year));
    }

    [SkippableFact]
    public async Task ReportInvitations_CsvAndTable_HaveTheSameFigures()
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();

        var csv = await UponCli.RunAsync(app.Database, "report", "invitations", "--format", "csv");
        var table = await UponCli.RunAsync(app.Database, "report", "invitations", "--year", s.Year.Label);

        Assert.True(csv.ExitCode == 0, csv.ToString());
        var lines = csv.Output.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", JsonFieldNames), lines[0]);
        Assert.Equal($"{s.Year.Label},11,7,5,0.4545,5,2,2,2,6,15,false", lines[2]);
        Assert.Equal($"{s.Previous.Label},1,0,0,0,,0,0,0,1,278,true", lines[1]); // the real clock's year, to date
        Assert.True(table.ExitCode == 0, table.ToString());
        // As the page shows them (FigureFormat): the rate with one decimal place and no space, medians with one decimal place;
        // the borders are box-drawing or ASCII characters, depending on the terminal.
        Assert.Matches($@"{s.Year.Label}\D+11\D+7\D+5\D+45\.5%\D+5\.0\D+2\D+2\D+2\D+6\D+15\.0\D", table.Output);
    }

    [SkippableTheory]
    [InlineData("2001-02", "upon: the register has no data for 2001-02.")]
    [InlineData("2023-2024", "upon: '2023-2024' is not a financial year: use the form 2023-24.")]
    public async Task ReportInvitations_YearWithoutDataOrMalformed_ExitsTwoWithOneLine(string year, string message)
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var result = await UponCli.RunAsync(app.Database, "report", "invitations", "--format", "json", "--year", year);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [SkippableTheory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.PartnerStaff)]
    public async Task GetInvitationsApi_Staff_IsWhatTheCommandPrints(string role)
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();

        var years = await ApiAsync(role, "/api/reports/invitations");
        var year = await ApiAsync(role, $"/api/reports/invitations?year={s.Year.Label}");
        var command = await UponCli.RunAsync(app.Database, "report", "invitations", "--format", "json");

        // The same figures; which year is to date differs because the host's clock is in year Y and the command line's in Y-1.
        Assert.Equal(Normalised(WithoutToDate(Parse(command.Output))), Normalised(WithoutToDate(years)));
        Assert.Equal([s.Year.Label], years.EnumerateArray().Where(y => y.GetProperty("toDate").GetBoolean()).Select(y => y.GetProperty("financialYear").GetString()));
        Assert.Equal(JsonFieldNames, year.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Normalised(ExpectedYear(s) with { ToDate = true }), Normalised(year));
    }

    /// <summary>
    /// The funder's year Y (threshold 5): 11 first-time directors shown. Invited (7) is suppressed because the 4 not invited
    /// would be known by subtraction. Within 14 days (5; 6 without) and its rate over 11 are shown, and so are the medians,
    /// over 7 invited and 6 recorded late, and recorded late (6; 5 without). Accepted, declined and awaiting (2 each) are
    /// suppressed; the rest of the 11 (5) is not small, so nothing more is. Year Y-1 (Jo): 1 first-time director and 1
    /// recorded late, suppressed with the rate over 1 and the median over 1; its zeros are shown.
    /// </summary>
    [SkippableFact]
    public async Task GetInvitationsApi_Funder_SmallNumbersAreNullAndListed()
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();

        var years = await ApiAsync(Roles.Funder, "/api/reports/invitations");
        var year = await ApiAsync(Roles.Funder, $"/api/reports/invitations?year={s.Year.Label}");

        Assert.Equal([.. JsonFieldNames, "suppressed"], year.EnumerateObject().Select(p => p.Name));
        Assert.True(year.GetProperty("toDate").GetBoolean());
        Assert.Equal(["invited", "accepted", "declined", "awaitingAnswer"], Suppressed(year));
        foreach (var field in Suppressed(year))
        {
            Assert.Equal(JsonValueKind.Null, year.GetProperty(field).ValueKind);
        }
        Assert.Equal(11, year.GetProperty("firstTimeDirectors").GetInt32());
        Assert.Equal(5, year.GetProperty("invitedWithin14Days").GetInt32());
        Assert.Equal(0.4545, year.GetProperty("invitedWithin14DaysRate").GetDouble());
        Assert.Equal(5, year.GetProperty("medianDaysToInvitation").GetDouble());
        Assert.Equal(6, year.GetProperty("recordedLate").GetInt32());
        Assert.Equal(15, year.GetProperty("medianDaysRecordedLate").GetDouble());

        var previous = years.EnumerateArray().Single(y => y.GetProperty("financialYear").GetString() == s.Previous.Label);
        Assert.Equal(["firstTimeDirectors", "invitedWithin14DaysRate", "recordedLate", "medianDaysRecordedLate"], Suppressed(previous));
        Assert.Equal(0, previous.GetProperty("invited").GetInt32());
        Assert.Equal(JsonValueKind.Null, previous.GetProperty("medianDaysToInvitation").ValueKind); // not available, not suppressed
        var text = years.GetRawText();
        Assert.DoesNotContain("ndf-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quillfeather", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetInvitationsApi_BadYear_400_YearWithoutData_404()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var malformed = await app.CreateClient(Roles.Funder).GetAsync(new Uri("/api/reports/invitations?year=2023", UriKind.Relative));
        var missing = await app.CreateClient().GetAsync(new Uri("/api/reports/invitations?year=2001-02", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task OpenApi_DescribesTheExactAndTheSuppressedShapes()
    {
        app.RequireDatabase();

        var document = await ApiAsync(Roles.Funder, "/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty("/api/reports/invitations").GetProperty("get");
        var shapes = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("oneOf").EnumerateArray()
            .Select(x => x.TryGetProperty("items", out var items) ? items.GetProperty("$ref").GetString() + "[]" : x.GetProperty("$ref").GetString())
            .ToList();
        Assert.Equal(
            ["#/components/schemas/InvitationYearFigures[]", "#/components/schemas/InvitationYearFigures",
             "#/components/schemas/SuppressedInvitationYearFigures[]", "#/components/schemas/SuppressedInvitationYearFigures"],
            shapes);
        var exact = document.GetProperty("components").GetProperty("schemas").GetProperty("InvitationYearFigures").GetProperty("properties");
        Assert.Equal(JsonFieldNames, exact.EnumerateObject().Select(p => p.Name));
    }

    private static string Text(IElement? element) => AccountTesting.Text(element);

    private static string Figure(IDocument doc, string field) =>
        doc.QuerySelector($"#figures [data-figure='{field}']")?.GetAttribute("data-value") ?? throw new Xunit.Sdk.XunitException($"No figure {field}.");

    private static string Shown(IDocument doc, string field) =>
        doc.QuerySelector($"#figures [data-figure='{field}'] [aria-hidden=true]")?.TextContent ?? Text(doc.QuerySelector($"#figures [data-figure='{field}']"));

    private static Dictionary<string, string[]> Directors(IDocument doc) =>
        doc.QuerySelectorAll("#first-time-directors tbody tr").ToDictionary(
            tr => tr.GetAttribute("data-person")!,
            tr => FigureFields.Select(f => Shown(tr.QuerySelector($"[data-field={f}]")!)).ToArray());

    /// <summary>A cell as a sighted reader sees it: a symbol (–, [c]) without the hidden text that goes with it.</summary>
    private static string Shown(IElement cell) => cell.QuerySelector("[aria-hidden=true]") is { } symbol ? symbol.TextContent : Text(cell);

    [SkippableFact]
    public async Task GetPage_Staff_ShowsTheFiguresDefinitionsAndEveryDirector()
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();
        string Date(int offset) => s.Day(offset).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

        var doc = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/new-directors/figures");

        Assert.Equal(s.Year.Label, doc.QuerySelector("[data-figure=financialYear]")?.GetAttribute("data-value")); // this year by default
        Assert.Equal(
            ["11", "7", "5", "0.4545", "5", "2", "2", "2", "6", "15"],
            FieldNames.Skip(1).Select(f => Figure(doc, f)));
        Assert.Equal("45.5%", Shown(doc, "invitedWithin14DaysRate"));
        Assert.Equal("15.0 days", Shown(doc, "medianDaysRecordedLate"));
        foreach (var field in FieldNames.Skip(1))
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(doc.QuerySelector($"#figures tr[data-definition='{field}'] td:last-child"))), field);
        }

        var directors = Directors(doc);
        Assert.Equal(["ndf-ada", "ndf-ben", "ndf-cat", "ndf-dan", "ndf-eve", "ndf-fay", "ndf-gus", "ndf-hal", "ndf-ivy", "ndf-kim", "ndf-mia"], directors.Keys.Order());
        Assert.Equal([Date(-40), $"{Date(-20)} told 20 days late", Date(-20), "20", "No", "Awaiting answer"], directors["ndf-cat"]);
        Assert.Equal([Date(-14), $"{Date(-20)} told 6 days before", Date(-10), "4", "Yes", "Declined"], directors["ndf-ben"]);
        Assert.Equal([Date(-20), $"{Date(-20)} told on the start date", Date(-20), "0", "Yes", "Accepted"], directors["ndf-ada"]);
        Assert.Equal([Date(-60), $"{Date(-50)} told 10 days late", Date(-50), "10", "Yes", "Expired without an answer"], directors["ndf-dan"]);
        Assert.Equal("Declined in conversation", directors["ndf-hal"][5]);
        Assert.Equal(["Not sent", "–", $"Not yet: due by {Date(6)}", "Not sent yet"], directors["ndf-fay"][2..]);
        Assert.Equal([Date(-200), $"{Date(0)} told 200 days late", "Not sent", "–", "No", "No invitation"], directors["ndf-ivy"]);
        Assert.Contains("Barking", Text(doc.QuerySelector("#first-time-directors tr[data-person='ndf-dan'] th")), StringComparison.Ordinal);
        Assert.Contains("Kingston upon Thames and Merton", Text(doc.QuerySelector("#first-time-directors tr[data-person='ndf-mia'] th")), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#suppression-note"));
        Assert.Equal(3, doc.QuerySelectorAll("#years-table tbody tr").Length);
        Assert.NotNull(doc.QuerySelector("#definitions-list [data-definition='recordedOn']"));
    }

    [SkippableFact]
    public async Task GetPage_Funder_ShowsCForSmallNumbersAndNoDirector()
    {
        app.RequireDatabase();
        var s = await ScenarioAsync();

        var response = await app.CreateClient(Roles.Funder).GetAsync(new Uri($"/new-directors/figures?year={s.Year.Label}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var doc = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "invited", "accepted", "declined", "awaitingAnswer" })
        {
            Assert.Equal("[c]", Shown(doc, field));
            Assert.Equal("", Figure(doc, field));
        }
        Assert.Equal("11", Figure(doc, "firstTimeDirectors"));
        Assert.Equal("0.4545", Figure(doc, "invitedWithin14DaysRate"));
        Assert.Equal("15", Figure(doc, "medianDaysRecordedLate"));
        var previous = doc.QuerySelector($"#years-table tr[data-year='{s.Previous.Label}']")!;
        Assert.Equal("[c]", previous.Children[1].QuerySelector("[aria-hidden=true]")?.TextContent); // 1 first-time director
        Assert.Null(doc.QuerySelector("#first-time-directors"));
        Assert.Null(doc.QuerySelector("#directors"));
        foreach (var name in new[] { "Quarrington", "Quillfeather", "Stillingfleet", "Blenkinsop", "ndf-", "/register/people/" })
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }
        Assert.NotNull(doc.QuerySelector("#suppression-rules"));
    }

    [SkippableFact]
    public async Task GetPage_YearWithoutData_404_MalformedYear_400()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var missing = await app.CreateClient().GetAsync(new Uri("/new-directors/figures?year=2001-02", UriKind.Relative));
        var malformed = await app.CreateClient().GetAsync(new Uri("/new-directors/figures?year=last", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["Select a financial year from the list, like 2023-24"], (await Html.ParseAsync(malformed)).ErrorSummary());
    }
}

public sealed class InvitationFiguresTests_Sqlite(SqliteApp app) : InvitationFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class InvitationFiguresTests_Postgres(PostgresApp app) : InvitationFiguresTests(app), IClassFixture<PostgresApp>;
