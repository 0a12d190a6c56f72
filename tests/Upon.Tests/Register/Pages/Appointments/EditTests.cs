using System.Net;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Register.Pages.RegisterPageTesting;

namespace Upon.Tests.Register.Pages.Appointments;

public abstract class EditTests(UponApp app)
{
    private static readonly string[] DateParts = ["day", "month", "year"];

    [SkippableFact]
    public async Task Get_PrefillsTheForm()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("301", "edit-prefill-1", new LocalDate(2018, 4, 3), new LocalDate(2022, 7, 29),
            type: AppointmentType.Acting, reason: LeavingReason.EndOfInterim, unplanned: true, givenName: "Rae", familyName: "Diaz", email: "rae@example.org");
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync($"/register/appointments/{id}/edit");

        Assert.Equal("301", doc.QuerySelector("#AuthorityCode option[selected]")?.GetAttribute("value"));
        Assert.Equal("edit-prefill-1", doc.QuerySelector("#PersonId")?.GetAttribute("value"));
        Assert.Equal("Rae", doc.QuerySelector("#GivenName")?.GetAttribute("value"));
        Assert.Equal("Diaz", doc.QuerySelector("#FamilyName")?.GetAttribute("value"));
        Assert.Equal("rae@example.org", doc.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Equal("acting", doc.QuerySelector("input[name=Type][checked]")?.GetAttribute("value"));
        Assert.Equal(["3", "4", "2018"], DateParts.Select(p => doc.QuerySelector($"#Start-{p}")?.GetAttribute("value")));
        Assert.Equal(["29", "7", "2022"], DateParts.Select(p => doc.QuerySelector($"#End-{p}")?.GetAttribute("value")));
        Assert.Equal("end_of_interim", doc.QuerySelector("#Reason option[selected]")?.GetAttribute("value"));
        Assert.Equal("yes", doc.QuerySelector("input[name=Unplanned][checked]")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Post_Valid_UpdatesAndRedirectsToTheNewAuthority()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("302", "edit-valid-1", new LocalDate(2021, 2, 1));
        var client = app.CreateClient();
        var fields = AppointmentFields("303", "edit-valid-1", new LocalDate(2021, 3, 1), new LocalDate(2024, 2, 29));
        fields["GivenName"] = "Chris";
        fields["FamilyName"] = "Taylor";
        fields["Type"] = "interim";
        fields["Reason"] = "promoted";
        fields["Unplanned"] = "no";

        var response = await client.PostFormAsync($"/register/appointments/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/register/authorities/303", response.Headers.Location?.OriginalString);
        var saved = await app.AppointmentAsync(id);
        Assert.NotNull(saved);
        Assert.Equal("303", saved.AuthorityCode);
        Assert.Equal(AppointmentType.Interim, saved.Type);
        Assert.Equal(new LocalDate(2021, 3, 1), saved.StartDate);
        Assert.Equal(new LocalDate(2024, 2, 29), saved.EndDate);
        Assert.Equal(LeavingReason.Promoted, saved.LeavingReason);
        Assert.False(saved.Unplanned);
        Assert.Equal("Chris Taylor", saved.Person!.FullName);
        Assert.Empty(await app.AppointmentsAsync("302"));
        var page = await client.GetDocumentAsync("/register/authorities/303");
        Assert.Equal("Appointment updated", page.QuerySelector(".govuk-notification-banner__heading").Text());
    }

    [SkippableFact]
    public async Task Post_OverlapWithAnotherPerson_RendersErrorAndChangesNothing()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("304", "edit-overlap-holder", new LocalDate(2023, 1, 9), givenName: "Lou", familyName: "Park");
        var id = await app.SeedAppointmentAsync("304", "edit-overlap-earlier", new LocalDate(2019, 1, 7), new LocalDate(2022, 12, 30));
        var client = app.CreateClient();
        var fields = AppointmentFields("304", "edit-overlap-earlier", new LocalDate(2019, 1, 7), new LocalDate(2023, 6, 30));
        fields["Reason"] = "retired";
        fields["Unplanned"] = "no";

        var response = await client.PostFormAsync($"/register/appointments/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("Lou Park is DCS of Brent", Assert.Single(doc.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2022, 12, 30), (await app.AppointmentAsync(id))!.EndDate);
    }

    [SkippableFact]
    public async Task Get_UnknownAppointment_Returns404()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/register/appointments/987654/edit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app), IClassFixture<SqliteApp>;

public sealed class EditTests_Postgres(PostgresApp app) : EditTests(app), IClassFixture<PostgresApp>;
