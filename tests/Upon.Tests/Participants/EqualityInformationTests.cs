using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Data;
using Upon.Participants;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Participants;

/// <summary>
/// Equality information is special-category data: participants give their own, only administrators see anyone else's,
/// and every view of it is in the audit log, written before the data is shown.
/// </summary>
public abstract class EqualityInformationTests(UponApp app)
{
    private Task<List<AuditEvent>> ViewsOfAsync(int participantId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Viewed && e.EntityType == EqualityRecords.EntityType && e.EntityId == participantId.ToString())
            .OrderBy(e => e.Id).ToListAsync());

    [SkippableFact]
    public async Task AParticipantGivesTheirOwn_TheChangeAndEveryViewAreAudited()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var client = app.CreateClient(Roles.Participant);
        var viewsBefore = (await ViewsOfAsync(me.Id)).Count;

        var invalid = await Html.ParseAsync(await client.PostFormAsync("/my/equality", new Dictionary<string, string> { ["EthnicityCode"] = "martian", ["Sex"] = "Female" }));
        Assert.Equal(["Select your ethnic group, or prefer not to say", "Select whether you are disabled, or prefer not to say"], invalid.ErrorSummary());
        // A major-group-only code is what an erasure leaves; no one can choose it.
        var majorOnly = await Html.ParseAsync(await client.PostFormAsync("/my/equality", new Dictionary<string, string> { ["EthnicityCode"] = "white", ["Sex"] = "Female", ["Disability"] = "No" }));
        Assert.Equal(["Select your ethnic group, or prefer not to say"], majorOnly.ErrorSummary());

        var saved = await client.PostFormAsync("/my/equality", new Dictionary<string, string> { ["EthnicityCode"] = "black-caribbean", ["Sex"] = "Female", ["Disability"] = "PreferNotToSay" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await client.GetDocumentAsync("/my/equality");
        Assert.Equal("black-caribbean", page.QuerySelector("#EthnicityCode option[selected]")?.GetAttribute("value"));
        var record = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().EqualityInformation.AsNoTracking().SingleAsync(e => e.ParticipantId == me.Id));
        Assert.Equal(("black-caribbean", Sex.Female, Disability.PreferNotToSay), (record.EthnicityCode, record.Sex, record.Disability));
        var views = await ViewsOfAsync(me.Id);
        Assert.True(views.Count > viewsBefore, "Opening the page was not audited.");
        Assert.Equal(UponApp.EmailFor(Roles.Participant), views[^1].Actor);
        var changes = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(EqualityInformation) && e.Action != AuditActions.Viewed).ToListAsync());
        Assert.Contains(changes, c => c.Changes != null && c.Changes.Contains("\"EthnicityCode\":{\"changed\":true}", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.Changes != null && c.Changes.Contains("black-caribbean", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task OnlyAdministratorsSeeSomeoneElses_AndTheirViewIsAudited()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await app.WithScopeAsync(async s => { await s.GetRequiredService<EqualityRecords>().SaveAsync(person.Id, "asian-indian", Sex.Male, Disability.Yes); return true; });
        var url = $"/participants/{person.Id}/equality";

        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            var refused = await app.CreateClient(role).GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain("Indian", await refused.Content.ReadAsStringAsync());
        }
        Assert.Empty(await ViewsOfAsync(person.Id));

        var page = await app.CreateClient(Roles.Administrator).GetDocumentAsync(url);

        Assert.Equal("Asian / Asian British: Indian", page.QuerySelector("#ethnicity")!.TextContent.Trim());
        Assert.Equal("Yes", page.QuerySelector("#disability")!.TextContent.Trim());
        var view = Assert.Single(await ViewsOfAsync(person.Id));
        Assert.Equal(UponApp.EmailFor(Roles.Administrator), view.Actor);
    }
}

public sealed class EqualityInformationTests_Sqlite(SqliteApp app) : EqualityInformationTests(app), IClassFixture<SqliteApp>;

public sealed class EqualityInformationTests_Postgres(PostgresApp app) : EqualityInformationTests(app), IClassFixture<PostgresApp>;
