using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// A characteristic staff add at /coaching/characteristics is shown by its label, never its slug, wherever people read
/// it: the participant's request form and their check-your-answers page, the coach's profile, the round's fairness check
/// and the participant's email on publishing ("which wishes were met").
/// </summary>
public abstract class CharacteristicLabelTests(UponApp app)
{
    private const string Start = "/my/coaching-request";

    [SkippableFact]
    public async Task AnAddedCharacteristic_IsShownByItsLabel_OnTheForm_TheProfile_TheFairnessCheck_AndTheEmail()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var slug = $"first-gen-{batch}";
        var label = $"the first in their family at university ({batch})";
        var admin = app.CreateClient(Roles.Administrator);
        var added = await admin.PostFormAsync("/coaching/characteristics", new Dictionary<string, string> { ["Slug"] = slug, ["Label"] = label });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var roundId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            // Enrolled 2025-09-01: in their coaching year on the fixture's today (2026-11-25), so due coaching.
            db.Enrolments.Add(new Enrolment { ParticipantId = me.Id, StrandId = newDirectors.Id, StartsOn = new LocalDate(2025, 9, 1) });
            var coach = await db.CoachProfiles.FirstOrDefaultAsync(c => c.Email == UponApp.EmailFor(Roles.Coach));
            if (coach is null)
            {
                coach = new CoachProfile { Email = UponApp.EmailFor(Roles.Coach), GivenName = "Cora", FamilyName = "Coach", Capacity = 5, OffersOnline = true };
                db.CoachProfiles.Add(coach);
            }
            coach.Consents.Add(new CoachConsent { Characteristic = slug, GivenOn = new LocalDate(2026, 1, 1) });
            var round = new MatchingRound { Name = $"Labels {batch}", Status = RoundStatus.Open };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

        // The participant's form asks by the label, and its errors name the label.
        var participant = app.CreateClient(Roles.Participant);
        var form = await participant.GetDocumentAsync($"{Start}/characteristics");
        var legends = form.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains($"A coach who is {label}", legends);
        Assert.DoesNotContain(legends, l => l.Contains(slug, StringComparison.Ordinal));
        var missing = await Html.ParseAsync(await participant.PostFormAsync($"{Start}/characteristics", new Dictionary<string, string> { ["wish-woman"] = "not-needed" }));
        Assert.Contains($"Select must, would like or not needed for a coach who is {label}", missing.ErrorSummary());

        var wishes = Characteristics.Standard.ToDictionary(c => $"wish-{c}", _ => RequestDraft.NotNeeded);
        wishes[$"wish-{slug}"] = RequestDraft.WouldLike;
        Assert.Equal($"{Start}/authority", (await participant.PostFormAsync($"{Start}/characteristics", wishes)).Headers.Location!.OriginalString);
        await participant.PostFormAsync($"{Start}/authority", new Dictionary<string, string> { ["kind"] = RequestDraft.NoKind });
        await participant.PostFormAsync($"{Start}/mode", new Dictionary<string, string> { ["mode"] = "online" });
        Assert.Equal($"{Start}/check", (await participant.PostFormAsync($"{Start}/avoid", new Dictionary<string, string>())).Headers.Location!.OriginalString);
        var check = await participant.GetDocumentAsync($"{Start}/check");
        Assert.Equal(label, check.QuerySelector("#answer-would-like")!.TextContent.Trim());
        Assert.Equal($"{Start}/done", (await participant.PostFormAsync($"{Start}/check", new Dictionary<string, string>())).Headers.Location!.OriginalString);

        // The coach's profile shows the label.
        var profile = await app.CreateClient(Roles.Coach).GetDocumentAsync("/coach/profile");
        var row = profile.QuerySelector($"#consents tr[data-characteristic='{slug}']")!;
        Assert.Contains(label, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(slug, row.TextContent, StringComparison.Ordinal);

        // The fairness check names it by its label.
        var url = $"/coaching/rounds/{roundId}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Run")).StatusCode);
        var round = await admin.GetDocumentAsync(url);
        var fairness = round.QuerySelector($"#fairness tr[data-characteristic='{slug}']")!;
        Assert.Equal(label, fairness.QuerySelector("td")!.TextContent.Trim());

        // The participant's email on publishing says which wishes were met, by label.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Publish")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var email = await db.OutboxMessages.AsNoTracking().Where(m => m.To == UponApp.EmailFor(Roles.Participant) && m.Subject == "Your coach").OrderBy(m => m.Id).LastAsync();
            Assert.Contains($"your coach shares: {label}.", email.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(slug, email.TextBody, StringComparison.Ordinal);
        });
    }
}

public sealed class CharacteristicLabelTests_Sqlite(SqliteApp app) : CharacteristicLabelTests(app), IClassFixture<SqliteApp>;

public sealed class CharacteristicLabelTests_Postgres(PostgresApp app) : CharacteristicLabelTests(app), IClassFixture<PostgresApp>;
