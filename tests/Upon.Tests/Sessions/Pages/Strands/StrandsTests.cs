using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions.Pages.Strands;

/// <summary>
/// The standing strands exist after start-up; staff add strands, change them and add and change cohorts at
/// <c>/programme/strands</c>.
/// </summary>
public abstract class StrandsTests(UponApp app)
{
    private Task<Strand?> StrandAsync(string slug) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Strands.AsNoTracking().Include(x => x.Cohorts).SingleOrDefaultAsync(x => x.Slug == slug));

    [SkippableFact]
    public async Task Initialise_CreatesTheTwoStandingStrands_Once()
    {
        app.RequireDatabase();

        await app.Services.InitialiseAsync(createDemoDataWhenEmpty: false);

        var newDirectors = await StrandAsync(StrandSetup.NewDirectorsSlug);
        var aspirants = await StrandAsync(StrandSetup.AspirantDirectorsSlug);
        Assert.Equal("New Directors", newDirectors?.Name);
        Assert.False(newDirectors!.HasCohorts);
        Assert.Equal("Aspirant Directors", aspirants?.Name);
        Assert.True(aspirants!.HasCohorts);
        var count = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Strands.CountAsync(x => x.Slug == StrandSetup.NewDirectorsSlug));
        Assert.Equal(1, count);
    }

    [SkippableFact]
    public async Task Index_ListsEachStrandWithItsCohorts()
    {
        app.RequireDatabase();
        var aspirants = (await StrandAsync(StrandSetup.AspirantDirectorsSlug))!;
        var cohort = await app.AddCohortAsync(aspirants.Id, $"Listed {Guid.NewGuid():N}"[..15]);

        var page = await app.CreateClient().GetDocumentAsync("/programme/strands");

        Assert.Equal("New Directors", page.QuerySelector("[data-strand='new-directors'] .govuk-summary-card__title").Text());
        Assert.Contains(cohort.Name, page.QuerySelector($"[data-cohort='{cohort.Id}']").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"[data-strand='aspirant-directors'] a[href='/programme/strands/{aspirants.Id}/cohorts/new']"));
        Assert.Null(page.QuerySelector("[data-strand='new-directors'] a[href$='/cohorts/new']"));
    }

    [SkippableFact]
    public async Task New_Valid_AddsTheStrand()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.PostFormAsync("/programme/strands/new", new Dictionary<string, string>
        {
            ["Name"] = "Experienced Directors",
            ["Slug"] = "experienced-directors",
            ["Summary"] = "For directors with five years or more in post.",
            ["HasCohorts"] = "no",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var strand = await StrandAsync("experienced-directors");
        Assert.Equal("Experienced Directors", strand?.Name);
        Assert.Equal("For directors with five years or more in post.", strand!.Summary);
        Assert.False(strand.HasCohorts);
        var list = await client.GetDocumentAsync("/programme/strands");
        Assert.Equal("Strand Experienced Directors added", list.QuerySelector(".govuk-notification-banner__heading").Text());
    }

    [SkippableFact]
    public async Task New_BadOrTakenValues_NameTheirFields()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var empty = await Html.ParseAsync(await client.PostFormAsync("/programme/strands/new", new Dictionary<string, string>()));
        var bad = await Html.ParseAsync(await client.PostFormAsync("/programme/strands/new", new Dictionary<string, string> { ["Name"] = "Bad slug", ["Slug"] = "bad slug!", ["HasCohorts"] = "no" }));
        var taken = await Html.ParseAsync(await client.PostFormAsync("/programme/strands/new", new Dictionary<string, string> { ["Name"] = "new directors", ["Slug"] = "new-directors", ["HasCohorts"] = "no" }));

        Assert.Equal(["Enter the strand's name", "Enter a web address name", "Select whether the strand runs in cohorts"], empty.ErrorSummary());
        Assert.Equal(["#Name", "#Slug", "#HasCohorts"], empty.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Enter a web address name of up to 60 lower-case letters, numbers and hyphens, like new-directors"], bad.ErrorSummary());
        Assert.Equal(["There is already a strand called new directors", "Another strand already has the web address name new-directors"], taken.ErrorSummary());
    }

    [SkippableFact]
    public async Task Edit_ChangesTheNameButNotTheSlug_AndKeepsCohortsWhileItHasThem()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync(hasCohorts: true);
        await app.AddCohortAsync(strand.Id, "2026-27");
        var client = app.CreateClient();

        var form = await client.GetDocumentAsync($"/programme/strands/{strand.Id}/edit");
        var refused = await Html.ParseAsync(await client.PostFormAsync($"/programme/strands/{strand.Id}/edit", new Dictionary<string, string> { ["Name"] = "Renamed", ["HasCohorts"] = "no" }));
        var saved = await client.PostFormAsync($"/programme/strands/{strand.Id}/edit", new Dictionary<string, string> { ["Name"] = $"Renamed {strand.Slug}", ["HasCohorts"] = "yes", ["Slug"] = "sneaky" });

        Assert.Null(form.QuerySelector("#Slug"));
        Assert.Equal("yes", form.QuerySelector("input[name=HasCohorts][checked]")?.GetAttribute("value"));
        Assert.Equal(["This strand has cohorts, so it must keep running in cohorts"], refused.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await StrandAsync(strand.Slug))!;
        Assert.Equal($"Renamed {strand.Slug}", after.Name);
        Assert.True(after.HasCohorts);
    }

    [SkippableFact]
    public async Task Cohorts_AddAndEdit_WithTheirDatesChecked()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync(hasCohorts: true);
        var client = app.CreateClient();
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "2027-28",
            ["StartsOn.day"] = "1", ["StartsOn.month"] = "9", ["StartsOn.year"] = "2027",
            ["EndsOn.day"] = "31", ["EndsOn.month"] = "7", ["EndsOn.year"] = "2027",
        };

        var backwards = await Html.ParseAsync(await client.PostFormAsync($"/programme/strands/{strand.Id}/cohorts/new", fields));
        fields["EndsOn.year"] = "2028";
        var added = await client.PostFormAsync($"/programme/strands/{strand.Id}/cohorts/new", fields);
        var duplicate = await Html.ParseAsync(await client.PostFormAsync($"/programme/strands/{strand.Id}/cohorts/new", fields));

        Assert.Equal(["End date must be on or after the start date"], backwards.ErrorSummary());
        Assert.Equal(["#EndsOn-day"], backwards.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["This strand already has a cohort called 2027-28"], duplicate.ErrorSummary());
        var cohort = Assert.Single((await StrandAsync(strand.Slug))!.Cohorts);
        Assert.Equal(new LocalDate(2028, 7, 31), cohort.EndsOn);

        fields["Name"] = "2027-28 cohort";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/programme/cohorts/{cohort.Id}/edit", fields)).StatusCode);
        Assert.Equal("2027-28 cohort", Assert.Single((await StrandAsync(strand.Slug))!.Cohorts).Name);
    }

    [SkippableFact]
    public async Task NewCohort_OfARollingStrand_IsNotFound()
    {
        app.RequireDatabase();
        var newDirectors = (await StrandAsync(StrandSetup.NewDirectorsSlug))!;

        var response = await app.CreateClient().GetAsync(new Uri($"/programme/strands/{newDirectors.Id}/cohorts/new", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class StrandsTests_Sqlite(SqliteApp app) : StrandsTests(app), IClassFixture<SqliteApp>;

public sealed class StrandsTests_Postgres(PostgresApp app) : StrandsTests(app), IClassFixture<PostgresApp>;
