using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Audit;
using Upon.Data;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.Aspirants.Apply;

/// <summary>
/// An applicant (no account) sees and downloads what Upon holds about them at /aspirants/apply/your-data, but only in
/// a browser signed in by the application's emailed link: a browser that merely started an application is shown
/// nothing and asked to open the link.
/// </summary>
public abstract partial class ApplicantDataTests(SmtpApp app)
{
    [GeneratedRegex(@"https?://\S+/aspirants/apply/return/\S+")]
    private static partial Regex ReturnLink();

    [SkippableFact]
    public async Task YourData_IsShownOnlyAfterTheEmailedLink_AndDownloadsEverythingHeld()
    {
        app.RequireDatabase();
        var cohort = new AspirantCohort
        {
            Name = $"20{Random.Shared.Next(30, 99)}-{Guid.NewGuid().ToString("N")[..4]}",
            OpensAt = UponApp.DefaultNow - Duration.FromDays(10),
            ClosesAt = UponApp.DefaultNow + Duration.FromDays(20),
            Places = 20,
            CreatedAt = UponApp.DefaultNow,
            Questions = [new AspirantQuestion { Text = "Why do you want to be a director?", WordLimit = 50, Order = 1 }],
        };
        await app.WithDbAsync(async db => { db.AspirantCohorts.Add(cohort); await db.SaveChangesAsync(); });
        var email = OutboxTesting.Address("applicant-data");
        var family = "Quillfeather" + Guid.NewGuid().ToString("N")[..6];
        var baseUrl = $"/aspirants/apply/{cohort.Name}";

        var starter = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await starter.PostFormAsync($"{baseUrl}/about-you",
            new Dictionary<string, string> { ["GivenName"] = "Ines", ["FamilyName"] = family, ["Email"] = email }, $"{baseUrl}/about-you?handler=Start")).StatusCode);

        // Started, not proven: nothing shown, nothing downloaded, a way to ask for the link.
        var unproven = await starter.GetDocumentAsync("/aspirants/apply/your-data");
        Assert.NotNull(unproven.QuerySelector("#confirm-email"));
        Assert.Equal($"{baseUrl}/return-link", unproven.QuerySelector("#ask-for-link")!.GetAttribute("href"));
        Assert.Null(unproven.QuerySelector("#held"));
        Assert.DoesNotContain(family, unproven.Body!.TextContent, StringComparison.Ordinal);
        var refused = await starter.GetAsync("/aspirants/apply/your-data?handler=Download");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.NotEqual("application/zip", refused.Content.Headers.ContentType?.MediaType);

        // A stranger's browser: nothing either.
        Assert.Null((await app.CreateAnonymousClient().GetDocumentAsync("/aspirants/apply/your-data")).QuerySelector("#held"));

        // The emailed link proves the address: the page lists what is held and the ZIP holds it.
        await app.Sender().SendDueAsync();
        var link = new Uri(ReturnLink().Match(Assert.Single(app.Smtp.To(email)).Message.TextBody ?? "").Value).PathAndQuery;
        var applicant = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync(link, new Dictionary<string, string>())).StatusCode);
        var page = await applicant.GetDocumentAsync("/aspirants/apply/your-data");
        Assert.Equal(email, page.QuerySelector("#email")!.TextContent);
        Assert.Contains("Aspirant Directors applications", page.QuerySelector("#held")!.TextContent, StringComparison.Ordinal);

        var download = await applicant.GetAsync("/aspirants/apply/your-data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "summary.txt");
        using var reader = new StreamReader(zip.GetEntry("csv/aspirant_applications.csv")!.Open());
        Assert.Contains(family, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents
            .AnyAsync(e => e.Action == AuditActions.Exported && e.Detail!.Contains("downloaded by the applicant"))));
    }
}

public sealed class ApplicantDataSqliteTests(SmtpSqliteApp app) : ApplicantDataTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class ApplicantDataPostgresTests(SmtpPostgresApp app) : ApplicantDataTests(app), IClassFixture<SmtpPostgresApp>;
