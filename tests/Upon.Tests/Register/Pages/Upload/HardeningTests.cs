using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Upload;

/// <summary>
/// The upload page against hostile and careless files (issue 9 items 3, 4, 7, 8 and 10, issue 10's GOV.UK error
/// pattern and database previews): every problem named by line and column, nothing saved, never a 500.
/// </summary>
public abstract class HardeningTests(UponApp app)
{
    private const string Url = "/register/upload";
    private const string Header = "la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend(Header)) + "\n");

    private async Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Doc)> UploadAsync(byte[] csv, HttpClient? client = null)
    {
        var response = await (client ?? app.CreateClient()).PostFileAsync(Url, "CsvFile", "appointments.csv", csv);
        return (response.StatusCode, await Html.ParseAsync(response));
    }

    private static List<List<string>> ErrorRows(AngleSharp.Dom.IDocument doc) =>
        [.. doc.QuerySelectorAll("#upload-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList())];

    private Task<int> CountAsync() => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<UponDbContext>();
        return await db.Appointments.CountAsync() + await db.People.CountAsync() + await db.DirectorInvitations.CountAsync();
    });

    [SkippableFact]
    public async Task Post_RowWithThreeProblems_ListsEveryOneWithASummaryLinkingToThem()
    {
        app.RequireDatabase();
        var before = await CountAsync();

        var (status, doc) = await UploadAsync(Csv(
            "320,hard-three-1,Ann,Ash,permanent,2020-01-06,,,",
            "320,hard-three-2,Ben,Birch,permanent,2021-01-06,,,",
            "320,hard-three-3,Cy,Cole,temporary,2022-05-01,2022-04-01,resigned,"));

        Assert.Equal(HttpStatusCode.OK, status);
        var line4 = ErrorRows(doc).Where(r => r[0] == "4").Select(r => r[1]).ToList();
        Assert.Equal(["appointment_type", "end_date", "unplanned"], line4);
        var links = doc.QuerySelectorAll("#upload-error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.NotNull(doc.QuerySelector(href)));
        Assert.Equal(before, await CountAsync());
    }

    [SkippableFact]
    public async Task Get_FormatHint_WrapsInsteadOfScrolling()
    {
        app.RequireDatabase();
        var doc = await app.CreateClient().GetDocumentAsync(Url);
        var code = doc.QuerySelector("#CsvFile-hint code")!;
        Assert.Contains("upon-wrap-anywhere", code.ClassList);
        Assert.Equal(9, code.QuerySelectorAll("wbr").Length);
        Assert.Equal(Header, code.TextContent.Trim());
    }

    [SkippableTheory]
    [InlineData("0001-04-01", "start_date")]
    [InlineData("9999-12-31", "start_date")]
    [InlineData("-0001-01-01", "start_date")]
    [InlineData("1999-12-31", "start_date")]
    [InlineData("2027-11-26", "start_date")]
    public async Task Post_ImplausibleDate_NamesTheRowAndField(string date, string column)
    {
        app.RequireDatabase();
        var before = await CountAsync();

        var (status, doc) = await UploadAsync(Csv($"340,hard-date-1,Ann,Ash,permanent,{date},,,"));

        Assert.Equal(HttpStatusCode.OK, status);
        var error = Assert.Single(ErrorRows(doc));
        Assert.Equal("2", error[0]);
        Assert.Equal(column, error[1]);
        Assert.True(error[3].Contains("must be between 1 January 2000 and 25 November 2027", StringComparison.Ordinal)
            || error[3].Contains("not a real date", StringComparison.Ordinal), error[3]);
        Assert.Equal(before, await CountAsync());
    }

    [SkippableFact]
    public async Task Post_EndDateAYearAheadPlusOne_IsRefused_RecordedDateInTheFuture_IsRefused()
    {
        app.RequireDatabase();
        var (_, doc) = await UploadAsync(Encoding.UTF8.GetBytes(Header + ",recorded_date\n" +
            "340,hard-date-2,Ann,Ash,permanent,2020-01-01,2027-11-26,retired,no,2020-01-01\n" +
            "341,hard-date-3,Bea,Ash,permanent,2020-01-01,,,,2026-11-26\n"));

        var errors = ErrorRows(doc);
        Assert.Contains(errors, r => r[0] == "2" && r[1] == "end_date");
        Assert.Contains(errors, r => r[0] == "3" && r[1] == "recorded_date");
    }

    [SkippableTheory]
    [InlineData("\u0000", "given_name")]
    [InlineData("\u0007", "family_name")]
    [InlineData("\u007F", "person_id")]
    public async Task Post_ControlCharacter_IsRefusedNamingTheRowAndField(string character, string column)
    {
        app.RequireDatabase();
        var before = await CountAsync();
        var fields = new Dictionary<string, string> { ["person_id"] = "hard-nul-1", ["given_name"] = "Ann", ["family_name"] = "Ash" };
        fields[column] = "A" + character + "nn";

        var (status, doc) = await UploadAsync(Csv($"342,{fields["person_id"]},{fields["given_name"]},{fields["family_name"]},permanent,2020-01-06,,,"));

        Assert.Equal(HttpStatusCode.OK, status);
        var error = Assert.Single(ErrorRows(doc));
        Assert.Equal(["2", column], error.Take(2));
        Assert.Contains("control characters", error[3], StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [SkippableFact]
    public async Task Post_Utf16_IsRefusedAsNotUtf8()
    {
        app.RequireDatabase();
        var text = Header + "\n343,hard-utf16,Ann,Ash,permanent,2020-01-06,,,\n";

        foreach (var bytes in new[] { Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), Encoding.Unicode.GetBytes(text) })
        {
            var (status, doc) = await UploadAsync(bytes);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("UTF-16", Assert.Single(ErrorRows(doc))[3], StringComparison.Ordinal);
        }
        Assert.Empty(await app.AppointmentsAsync("343"));
    }

    [SkippableFact]
    public async Task Post_ManyThousandErrors_ShowsAHundredPerColumnAndOffersThemAllAsCsv()
    {
        app.RequireDatabase();
        var rows = Enumerable.Range(1, 3000).Select(i => $"999,hard-many-{i},=Ann,Ash,temporary,2020-01-06,,,").ToArray();
        var client = app.CreateClient();

        var response = await client.PostFileAsync(Url, "CsvFile", "appointments.csv", Csv(rows));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 400_000, $"The page is {html.Length} characters.");
        var doc = await Html.ParseAsync(response);
        Assert.Equal("6,000 errors: nothing has been saved", doc.QuerySelector("#upload-errors caption").Text());
        Assert.Equal(200, ErrorRows(doc).Count);
        Assert.Equal(["2,900 more errors in column appointment_type not shown", "2,900 more errors in column la_code not shown"],
            doc.QuerySelectorAll("#upload-errors-hidden li").Select(li => li.Text()).Order(StringComparer.Ordinal));
        var download = doc.QuerySelector("#upload-errors-download")!.GetAttribute("href")!;

        var csv = await client.GetStringAsync(new Uri(download, UriKind.Relative));

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,column,value,problem", lines[0]);
        Assert.Equal(6001, lines.Length);
        Assert.Contains("2,la_code,999,No authority has this DfE number or GSS code.", lines);
        Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(Upon.Shared.Security.Roles.Funder).GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task Post_Preview_ListsTheRowsItAddsAndChangesByPage_AndTheInvitationsItCreates()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("330", "hard-prev-0", new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 31));
        // 60 past appointments in one authority, then one that started last week: only that one is invited.
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var start = new LocalDate(2001, 1, 1).PlusMonths(i * 3);
            return $"331,hard-prev-{i + 1},Ann,Ash,permanent,{start:yyyy-MM-dd},{start.PlusMonths(3).PlusDays(-1):yyyy-MM-dd},retired,no";
        }).Append("330,hard-prev-0,Test,hard-prev-0,permanent,2000-01-01,2000-02-29,retired,no")
          .Append("332,hard-prev-new,Dee,Dunn,permanent,2026-11-18,,,").ToArray();
        var client = app.CreateClient();

        var (_, doc) = await UploadAsync(Csv(rows), client);

        Assert.Equal("62 rows: 61 to add, 1 to update, 0 unchanged, 61 new people", doc.QuerySelector("#preview-summary").Text());
        Assert.Equal("Saving will create 1 New Directors invitation.", doc.QuerySelector("#preview-invitations").Text());
        Assert.Equal(50, doc.QuerySelectorAll("#preview-changes tbody tr").Length);
        Assert.Contains("page 1 of 2", doc.QuerySelector("#preview-changes caption").Text(), StringComparison.Ordinal);
        var next = doc.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;

        var page2 = await client.GetDocumentAsync(next.Replace("&amp;", "&", StringComparison.Ordinal));

        var cells = page2.QuerySelectorAll("#preview-changes tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        Assert.Equal(12, cells.Count);
        Assert.Contains(cells, c => c[0] == "62" && c[1] == "Update" && c[6] == "2000-02-29 (was 2000-01-31)");
        Assert.Contains(cells, c => c[0] == "63" && c[1] == "Add" && c[6] == "In post");
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().DirectorInvitations.CountAsync(i => i.AuthorityCode == "332")));
    }

    [SkippableFact]
    public async Task Upload_AfterItExpires_CannotBeSavedAndIsCleanedAway()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var (_, doc) = await UploadAsync(Csv("333,hard-expire-1,Ann,Ash,permanent,2020-01-06,,,"), client);
        var token = doc.QuerySelector("input[name=token]")!.GetAttribute("value")!;
        // Another account cannot see or save it.
        var other = await app.CreateClient(Upon.Shared.Security.Roles.PartnerStaff).PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token }, "/register/upload?handler=Confirm");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        app.Clock.Advance(Duration.FromHours(24) + Duration.FromMinutes(1));
        try
        {
            var confirm = await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token }, "/register/upload?handler=Confirm");
            Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
            await UploadAsync(Csv("333,hard-expire-2,Bea,Ash,permanent,2020-01-06,,,"), client);
            Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().PendingUploads.AnyAsync(u => u.Id == Guid.ParseExact(token, "N"))));
            Assert.Empty(await app.AppointmentsAsync("333"));
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }
    }

    [SkippableFact]
    public async Task Formulas_AreNeutralisedInTheExport_AndTheExportUploadsBackUnchanged()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var (_, preview) = await UploadAsync(Csv(
            "334,-12,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@SUM(A1),permanent,2010-01-01,2012-01-01,retired,no",
            "334,+44,'=quoted,-Ash,permanent,2012-02-01,,,"), client);
        var token = preview.QuerySelector("input[name=token]")?.GetAttribute("value");
        Assert.True(token is not null, string.Join("; ", ErrorRows(preview).Select(r => string.Join("|", r))));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token }, "/register/upload?handler=Confirm")).StatusCode);

        var export = await client.GetStringAsync(new Uri("/register/export", UriKind.Relative));

        var lines = export.Split('\n');
        Assert.Contains("334,'-12,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'@SUM(A1),permanent,2010-01-01,2012-01-01,retired,no,,2026-11-25", lines);
        // A file's quote before a formula character is the protecting quote of an export: the value is what follows it.
        Assert.Contains("334,'+44,'=quoted,'-Ash,permanent,2012-02-01,,,,,2026-11-25", lines);

        var (_, again) = await UploadAsync(Encoding.UTF8.GetBytes(export), client);
        Assert.Matches(@"^\d+ rows?: 0 to add, 0 to update, \d+ unchanged, 0 new people$", again.QuerySelector("#preview-summary").Text());
        var saved = await app.AppointmentsAsync("334");
        Assert.Equal(["=HYPERLINK(\"http://evil.example\",\"x\")", "=quoted"], saved.Select(a => a.Person!.GivenName));
        Assert.Equal(["@SUM(A1)", "-Ash"], saved.Select(a => a.Person!.FamilyName));
        Assert.Equal(["-12", "+44"], saved.Select(a => a.Person!.PersonId));
    }

    [SkippableTheory]
    [InlineData("0001")]
    [InlineData("9999")]
    [InlineData("1999")]
    public async Task AddForm_ImplausibleYear_IsAGovukErrorNotA500(string year)
    {
        app.RequireDatabase();
        var fields = RegisterPageTesting.AppointmentFields("335", "hard-form-1", new LocalDate(2020, 1, 6));
        fields["Start.year"] = year;

        var response = await app.CreateClient().PostFormAsync("/register/appointments/add", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(["The start date must be between 1 January 2000 and 25 November 2027"], doc.ErrorSummary());
        Assert.Equal("#Start-day", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Empty(await app.AppointmentsAsync("335"));
    }

    [SkippableFact]
    public async Task AddForm_ControlCharacterInAName_IsRefusedNamingTheField()
    {
        app.RequireDatabase();
        var fields = RegisterPageTesting.AppointmentFields("335", "hard-form-nul", new LocalDate(2020, 1, 6));
        fields["GivenName"] = "A\u0000nn";

        var response = await app.CreateClient().PostFormAsync("/register/appointments/add", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The field GivenName must not contain control characters (U+0000).",
            (await Html.ParseAsync(response)).QuerySelector("#control-character-error").Text());
        Assert.False(await app.PersonExistsAsync("hard-form-nul"));
        fields["GivenName"] = "A\u0007nn";
        var bell = await app.CreateClient().PostFormAsync("/register/appointments/add", fields);
        Assert.Equal(HttpStatusCode.BadRequest, bell.StatusCode);
        Assert.Equal("The field GivenName must not contain control characters (U+0007 at position 2).",
            (await Html.ParseAsync(bell)).QuerySelector("#control-character-error").Text());
    }

    [SkippableFact]
    public async Task Api_ControlCharacterInAJsonBodyOrQuery_IsA400ProblemNamingTheField()
    {
        app.RequireDatabase();
        using var body = new StringContent("{\"title\":\"Leading\\u0000\",\"places\":[{\"name\":\"ok\"}]}", Encoding.UTF8, "application/json");

        var response = await app.CreateAnonymousClient().PostAsync(new Uri("/api/sessions", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The field title must not contain control characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var query = await app.CreateClient().GetAsync(new Uri("/api/people/x%07y", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.InternalServerError, query.StatusCode);
        var search = await app.CreateClient().GetAsync(new Uri("/api/authorities?region=%00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
    }

    [SkippableFact]
    public async Task EndForm_ImplausibleYear_IsAGovukErrorNotA500()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("336", "hard-end-1", new LocalDate(2020, 1, 6));
        var fields = new Dictionary<string, string>
        {
            ["End.day"] = "1", ["End.month"] = "1", ["End.year"] = "9999", ["Reason"] = "retired", ["Unplanned"] = "no",
        };

        var response = await app.CreateClient().PostFormAsync($"/register/appointments/{id}/end", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end date must be between 1 January 2000", Assert.Single((await Html.ParseAsync(response)).ErrorSummary()), StringComparison.Ordinal);
        Assert.Null((await app.AppointmentAsync(id))!.EndDate);
    }
}

public sealed class HardeningTests_Sqlite(SqliteApp app) : HardeningTests(app), IClassFixture<SqliteApp>;

public sealed class HardeningTests_Postgres(PostgresApp app) : HardeningTests(app), IClassFixture<PostgresApp>;
