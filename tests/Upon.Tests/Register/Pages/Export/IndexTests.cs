using System.Net;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Export;

public abstract class IndexTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_ReturnsEveryAppointmentAsCsv()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("318", "export-1", new LocalDate(2017, 6, 5), new LocalDate(2021, 6, 4),
            reason: LeavingReason.Dismissed, unplanned: true, givenName: "Max", familyName: "Stone, Jr", email: "max@example.org");
        await app.SeedAppointmentAsync("318", "export-2", new LocalDate(2021, 7, 1), type: AppointmentType.Acting, givenName: "Nia", familyName: "Hart");
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/register/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("upon-appointments-2026-11-25.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal("la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned,email,recorded_date", lines[0]);
        // Recorded through the form on the (fake) today, 25 November 2026.
        Assert.Contains("318,export-1,Max,\"Stone, Jr\",permanent,2017-06-05,2021-06-04,dismissed,yes,max@example.org,2026-11-25", lines);
        Assert.Contains("318,export-2,Nia,Hart,acting,2021-07-01,,,,,2026-11-25", lines);
    }

    [SkippableFact]
    public async Task Get_ExportThenUpload_ChangesNothing()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("319", "export-round-trip", new LocalDate(2019, 2, 4));
        var client = app.CreateClient();
        var csv = await client.GetByteArrayAsync(new Uri("/register/export", UriKind.Relative));

        var response = await client.PostFileAsync("/register/upload", "CsvFile", "export.csv", csv);

        var doc = await Html.ParseAsync(response);
        Assert.Matches(@"^\d+ rows?: 0 to add, 0 to update, \d+ unchanged, 0 new people$", doc.QuerySelector("#preview-summary").Text());
        Assert.NotNull(doc.QuerySelector("input[name=token]")?.GetAttribute("value"));
    }
}

public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class IndexTests_Postgres(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;
