using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Upload;

public abstract class IndexTests(UponApp app)
{
    private const string Url = "/register/upload";
    private const string Header = "la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend(Header)) + "\n");

    [SkippableFact]
    public async Task Get_ShowsTheUploadFormWithTheExpectedHeader()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync(Url);

        var input = doc.QuerySelector("input[type=file].govuk-file-upload");
        Assert.NotNull(input);
        Assert.Equal("multipart/form-data", input.Closest("form")?.GetAttribute("enctype"));
        var hint = doc.QuerySelector("#CsvFile-hint").Text();
        Assert.Contains(Header, hint, StringComparison.Ordinal);
        Assert.Contains("email", hint, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("a[href='/register/export']"));
    }

    [SkippableFact]
    public async Task Post_FileWithErrors_ListsEveryErrorAndSavesNothing()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var csv = Csv(
            "311,upload-errors-1,Ann,Ash,permanent,2020-01-06,,,",
            "999,upload-errors-2,Ben,Birch,permanent,2020-01-06,,,",
            "312,upload-errors-3,Cy,Cole,temporary,2020-02-30,,,");

        var response = await client.PostFileAsync(Url, "CsvFile", "appointments.csv", csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var table = doc.QuerySelector("#upload-errors");
        Assert.NotNull(table);
        Assert.Equal(["Line", "Column", "Value", "Problem"], table.QuerySelectorAll("thead th").Select(th => th.Text()));
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        Assert.Equal($"{rows.Count} errors: nothing has been saved", table.QuerySelector("caption").Text());
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "appointment_type" && r[2] == "temporary");
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "start_date" && r[2] == "2020-02-30");
        Assert.Null(doc.QuerySelector("input[name=token]"));
        Assert.Empty(await app.AppointmentsAsync("311"));
        Assert.False(await app.PersonExistsAsync("upload-errors-1"));
    }

    [SkippableFact]
    public async Task Post_UnknownAuthority_ListsTheRegisterErrorAndSavesNothing()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.PostFileAsync(Url, "CsvFile", "appointments.csv", Csv(
            "313,upload-unknown-1,Ann,Ash,permanent,2020-01-06,,,",
            "999,upload-unknown-2,Ben,Birch,permanent,2020-01-06,,,"));

        var doc = await Html.ParseAsync(response);
        Assert.Equal("1 error: nothing has been saved", doc.QuerySelector("#upload-errors caption").Text());
        Assert.Equal(["3", "la_code", "999", "No authority has this DfE number or GSS code."],
            doc.QuerySelectorAll("#upload-errors tbody td").Select(td => td.Text()));
        Assert.Empty(await app.AppointmentsAsync("313"));
        Assert.False(await app.PersonExistsAsync("upload-unknown-1"));
    }

    [SkippableFact]
    public async Task Post_ValidFile_PreviewsThenConfirmSaves()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("314", "upload-ok-existing", new LocalDate(2015, 4, 1));
        var client = app.CreateClient();
        var csv = Csv(
            "314,upload-ok-existing,Test,upload-ok-existing,permanent,2015-04-01,2020-03-31,retired,no",
            "314,upload-ok-1,Dee,Dunn,interim,2020-04-01,2020-09-30,end_of_interim,no",
            "E09000022,upload-ok-2,Eve,Eng,permanent,2020-10-01,,,");

        var preview = await client.PostFileAsync(Url, "CsvFile", "appointments.csv", csv);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var doc = await Html.ParseAsync(preview);
        Assert.Equal("3 rows: 2 to add, 1 to update, 0 unchanged, 2 new people", doc.QuerySelector("#preview-summary").Text());
        Assert.Equal("Save these appointments", doc.QuerySelector("main form button").Text());
        var token = doc.QuerySelector("input[name=token]")?.GetAttribute("value");
        Assert.NotNull(token);
        var form = doc.QuerySelector("input[name=token]")!.Closest("form")!;
        Assert.Equal("/register/upload?handler=Confirm", form.GetAttribute("action"));
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().PendingUploads.AnyAsync(u => u.Id == Guid.ParseExact(token, "N"))));
        var before = Assert.Single(await app.AppointmentsAsync("314"));
        Assert.Null(before.EndDate);
        Assert.False(await app.PersonExistsAsync("upload-ok-1"));

        var confirm = await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token }, form.GetAttribute("action"));

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("/register", confirm.Headers.Location?.OriginalString);
        var saved = await app.AppointmentsAsync("314");
        Assert.Equal(2, saved.Count);
        Assert.Equal(new LocalDate(2020, 3, 31), saved[0].EndDate);
        Assert.Equal("Dee Dunn", saved[1].Person!.FullName);
        Assert.Single(await app.AppointmentsAsync("208")); // E09000022 is Lambeth's GSS code
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().PendingUploads.AnyAsync(u => u.Id == Guid.ParseExact(token, "N"))));
        var register = await client.GetDocumentAsync("/register");
        Assert.Equal("3 appointments imported", register.QuerySelector(".govuk-notification-banner__heading").Text());

        var again = await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token }, form.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Upload the file again", (await Html.ParseAsync(again)).ErrorSummary()[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_FileWithByteOrderMark_IsRead()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var csv = Encoding.UTF8.GetPreamble().Concat(Csv("316,upload-bom-1,Zoë,Ōta,acting,2021-01-04,,,")).ToArray();

        var response = await client.PostFileAsync(Url, "CsvFile", "appointments.csv", csv);

        var doc = await Html.ParseAsync(response);
        Assert.Equal("1 row: 1 to add, 0 to update, 0 unchanged, 1 new person", doc.QuerySelector("#preview-summary").Text());
        var token = doc.QuerySelector("input[name=token]")?.GetAttribute("value");
        var confirm = await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token! }, "/register/upload?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("Zoë Ōta", Assert.Single(await app.AppointmentsAsync("316")).Person!.FullName);
    }

    [SkippableFact]
    public async Task Post_NotUtf8_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var csv = Csv("317,upload-latin1,Zo,X,acting,2021-01-04,,,").Concat(new byte[] { 0xE9, 0x0A }).ToArray();

        var doc = await Html.ParseAsync(await client.PostFileAsync(Url, "CsvFile", "appointments.csv", csv));

        Assert.Contains("UTF-8", Assert.Single(doc.ErrorSummary()), StringComparison.Ordinal);
        Assert.Empty(await app.AppointmentsAsync("317"));
    }

    [SkippableFact]
    public async Task Post_NoFile_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.PostFormAsync(Url, new Dictionary<string, string>());

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Select a CSV file"], doc.ErrorSummary());
        Assert.Equal("#CsvFile", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("Error: Select a CSV file", doc.QuerySelector("#CsvFile-error").Text());
    }

    [SkippableFact]
    public async Task Post_NotACsv_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var doc = await Html.ParseAsync(await client.PostFileAsync(Url, "CsvFile", "appointments.xlsx", Csv()));

        Assert.Equal(["The selected file must be a CSV"], doc.ErrorSummary());
    }

    [SkippableFact]
    public async Task Post_FileOver50Megabytes_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var csv = new byte[(50 * 1024 * 1024) + 1];
        Array.Fill(csv, (byte)'a');

        var doc = await Html.ParseAsync(await client.PostFileAsync(Url, "CsvFile", "appointments.csv", csv));

        Assert.Equal(["The selected file must be smaller than 50 MB"], doc.ErrorSummary());
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().PendingUploads.AnyAsync(u => u.FileContent.Length > 50 * 1024 * 1024)));
    }

    [SkippableTheory]
    [InlineData("not-a-guid")]
    [InlineData("../../etc/passwd")]
    [InlineData("..%2F..%2Fsecret")]
    [InlineData("")]
    public async Task PostConfirm_MalformedToken_Returns400(string token)
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = token }, "/register/upload?handler=Confirm");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task PostConfirm_UnknownToken_Returns404()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.PostFormAsync(Url, new Dictionary<string, string> { ["token"] = Guid.NewGuid().ToString("N") }, "/register/upload?handler=Confirm");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class IndexTests_Postgres(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;
