using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Audit;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// The participant's own coaching request through the real host: offered only when due (a New Director from month
/// 13), one question a page with errors, check your answers, confirmation, saved into the open round and audited;
/// other roles cannot reach it.
/// </summary>
public abstract class RequestFormTests(UponApp app)
{
    private const string Start = "/my/coaching-request";

    [SkippableFact]
    public async Task Request_WhenDue_WalksEveryPageAndSavesIntoTheOpenRound()
    {
        app.RequireDatabase();
        var other = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, other);
        var participant = app.CreateClient(Roles.Participant);

        // Not due yet: the start page says so and the later pages send them back.
        Assert.NotNull((await participant.GetDocumentAsync(Start)).QuerySelector("#not-due"));
        Assert.Equal(HttpStatusCode.Redirect, (await participant.GetAsync($"{Start}/check")).StatusCode);

        var batch = Guid.NewGuid().ToString("N")[..6];
        var (roundId, avoidId) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            // Enrolled 2025-09-01: month 13 began on 2026-09-01, before the fixture's today (2026-11-25).
            db.Enrolments.Add(new Enrolment { ParticipantId = me.Id, StrandId = newDirectors.Id, StartsOn = new LocalDate(2025, 9, 1) });
            var avoid = new CoachProfile { Email = $"avoid-{batch}@coach.test", GivenName = "Ava", FamilyName = $"Avoided{batch}", Capacity = 2, OffersOnline = true };
            db.CoachProfiles.Add(avoid);
            db.MatchingRounds.Add(new MatchingRound { Name = $"Older {batch}", Status = RoundStatus.Published });
            var round = new MatchingRound { Name = $"Form round {batch}", Status = RoundStatus.Open };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return (round.Id, avoid.Id);
        });

        var start = await participant.GetDocumentAsync(Start);
        Assert.Equal($"{Start}/characteristics", start.QuerySelector("#start")!.GetAttribute("href"));
        // Skipping ahead goes back to the first question not answered.
        var skipped = await participant.GetAsync($"{Start}/check");
        Assert.Equal($"{Start}/characteristics", skipped.Headers.Location!.OriginalString);

        var missing = await Html.ParseAsync(await participant.PostFormAsync($"{Start}/characteristics", new Dictionary<string, string> { ["wish-woman"] = "must" }));
        Assert.Equal(4, missing.ErrorSummary().Count);
        Assert.Contains("Select must, would like or not needed for a coach who is from a global majority background", missing.ErrorSummary());
        Assert.DoesNotContain(missing.ErrorSummary(), e => e.EndsWith("a woman", StringComparison.Ordinal));

        var wishes = Characteristics.Standard.ToDictionary(c => $"wish-{c}", _ => RequestDraft.NotNeeded);
        wishes["wish-woman"] = RequestDraft.Must;
        wishes["wish-global-majority"] = RequestDraft.WouldLike;
        var next = await participant.PostFormAsync($"{Start}/characteristics", wishes);
        Assert.Equal($"{Start}/authority", next.Headers.Location!.OriginalString);
        Assert.Equal(["Select a kind of authority, or that you have no preference"], (await Html.ParseAsync(await participant.PostFormAsync($"{Start}/authority", new Dictionary<string, string>()))).ErrorSummary());
        next = await participant.PostFormAsync($"{Start}/authority", new Dictionary<string, string> { ["kind"] = "county" });
        Assert.Equal($"{Start}/mode", next.Headers.Location!.OriginalString);
        next = await participant.PostFormAsync($"{Start}/mode", new Dictionary<string, string> { ["mode"] = "in-person" });
        Assert.Equal($"{Start}/region", next.Headers.Location!.OriginalString);
        Assert.Equal(["Select your region"], (await Html.ParseAsync(await participant.PostFormAsync($"{Start}/region", new Dictionary<string, string> { ["region"] = "E99999999" }))).ErrorSummary());
        next = await participant.PostFormAsync($"{Start}/region", new Dictionary<string, string> { ["region"] = "E12000007" });
        Assert.Equal($"{Start}/avoid", next.Headers.Location!.OriginalString);
        next = await participant.PostFormAsync($"{Start}/avoid", new Dictionary<string, string> { ["avoid"] = avoidId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal($"{Start}/check", next.Headers.Location!.OriginalString);

        var check = await participant.GetDocumentAsync($"{Start}/check");
        Assert.Equal("a woman", check.QuerySelector("#answer-must")!.TextContent.Trim());
        Assert.Equal("from a global majority background", check.QuerySelector("#answer-would-like")!.TextContent.Trim());
        Assert.Equal("In person, in London", check.QuerySelector("#answer-mode")!.TextContent.Trim());
        Assert.Equal($"Ava Avoided{batch}", check.QuerySelector("#answer-avoid")!.TextContent.Trim());

        // Changing an answer from check your answers comes back to it.
        next = await participant.PostFormAsync($"{Start}/mode?change=1", new Dictionary<string, string> { ["mode"] = "either", ["change"] = "1" });
        Assert.Equal($"{Start}/check", next.Headers.Location!.OriginalString);

        var sent = await participant.PostFormAsync($"{Start}/check", new Dictionary<string, string>());
        Assert.Equal($"{Start}/done", sent.Headers.Location!.OriginalString);
        var done = await participant.GetDocumentAsync($"{Start}/done");
        Assert.Equal($"Form round {batch}", done.QuerySelector("#round")!.TextContent.Trim());

        await app.WithDbAsync(async db =>
        {
            var request = await db.CoachingRequests.AsNoTracking().SingleAsync(r => r.RoundId == roundId && r.ParticipantId == me.Id);
            Assert.Equal(Characteristics.Woman, request.Must);
            Assert.Equal(Characteristics.GlobalMajority, request.WouldLike);
            Assert.Equal(AuthorityKind.County, request.AuthorityKind);
            Assert.Equal(RequestedMode.Either, request.Mode);
            Assert.Null(request.Region);
            Assert.Equal(avoidId.ToString(System.Globalization.CultureInfo.InvariantCulture), request.AvoidCoachIds);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "CoachingRequestSubmitted" && e.EntityType == CoachingRequests.EntityType && e.EntityId == request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });

        // The form is the participant's own: other roles cannot reach it.
        foreach (var role in new[] { Roles.Coach, Roles.Funder, Roles.PartnerStaff })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(role).GetAsync(Start)).StatusCode);
        }

        // Reachable from the participant's home and their coach page.
        Assert.NotNull((await participant.GetDocumentAsync("/")).QuerySelector($"a[href='{Start}']"));
        Assert.NotNull((await participant.GetDocumentAsync("/my/coach")).QuerySelector($"a[href='{Start}']"));
    }

    [SkippableFact]
    public async Task StaffRequest_ForAnyParticipant_IsSavedInTheRoundWithErrorsNamed()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var someone = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var batch = Guid.NewGuid().ToString("N")[..6];
        var roundId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var round = new MatchingRound { Name = $"Staff round {batch}", Status = RoundStatus.Open };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
        var url = $"/coaching/rounds/{roundId}/request";
        var admin = app.CreateClient(Roles.Administrator);
        Assert.NotNull((await admin.GetDocumentAsync($"/coaching/rounds/{roundId}")).QuerySelector($"a[href='{url}']"));
        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(role).GetAsync(url)).StatusCode);
        }

        var fields = Characteristics.Standard.ToDictionary(c => $"wish-{c}", _ => RequestDraft.NotNeeded);
        fields["Email"] = "nobody@example.org";
        fields["mode"] = "in-person";
        fields["kind"] = "none";
        fields["region"] = "";
        var bad = await Html.ParseAsync(await admin.PostFormAsync(url, fields));
        Assert.Equal(["Enter the email address of a participant Upon knows", "Select their region for in-person coaching"], bad.ErrorSummary());

        fields["Email"] = someone.Email.ToUpperInvariant();
        fields["region"] = "E12000001";
        fields["wish-disabled"] = RequestDraft.Must;
        var added = await admin.PostFormAsync(url, fields);
        Assert.Equal($"/coaching/rounds/{roundId}", added.Headers.Location!.OriginalString);
        await app.WithDbAsync(async db =>
        {
            var request = await db.CoachingRequests.AsNoTracking().SingleAsync(r => r.RoundId == roundId && r.ParticipantId == someone.Id);
            Assert.Equal(Characteristics.Disabled, request.Must);
            Assert.Equal(RequestedMode.InPerson, request.Mode);
            Assert.Equal("E12000001", request.Region);
            Assert.Null(request.AuthorityKind);
        });
    }
}

public sealed class RequestFormTests_Sqlite(SqliteApp app) : RequestFormTests(app), IClassFixture<SqliteApp>;

public sealed class RequestFormTests_Postgres(PostgresApp app) : RequestFormTests(app), IClassFixture<PostgresApp>;
