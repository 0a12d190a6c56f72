using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Audit;
using Upon.Coaching;
using Upon.Data;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// Staff pause, resume, end early and complete a coaching relationship on its page (<c>/coaching/relationships/{id}</c>):
/// the moves allowed and refused, the date's bounds, the reason, nothing written on a refusal, the audit line; what the
/// coach and the coachee then see; the coach's place and session logging after the end. Today is 25 November 2026.
/// </summary>
public abstract class RelationshipStatusTests(UponApp app)
{
    private static readonly LocalDate Start = new(2026, 9, 1);

    private sealed record Seeded(int Id, int CoachId, string CoachEmail, string ParticipantEmail)
    {
        public string Url => $"/coaching/relationships/{Id}";
    }

    /// <summary>A relationship from 1 September 2026 with a new coach (capacity 2) and a new participant, or the test accounts'.</summary>
    private async Task<Seeded> SeedAsync(RelationshipStatus status = RelationshipStatus.Active, LocalDate? changedOn = null, string? reason = null,
        LocalDate? changeRequestedOn = null, bool testAccounts = false)
    {
        var strand = await SessionSeed.StrandAsync(app);
        var participant = testAccounts ? await SessionSeed.TestParticipantAsync(app, strand) : (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var batch = Guid.NewGuid().ToString("N")[..8];
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var coach = testAccounts ? await db.CoachProfiles.FirstOrDefaultAsync(c => c.Email == UponApp.EmailFor(Roles.Coach)) : null;
            if (coach is null)
            {
                coach = new CoachProfile
                {
                    Email = testAccounts ? UponApp.EmailFor(Roles.Coach) : $"status-{batch}@coach.test", GivenName = "Cora", FamilyName = testAccounts ? "Coach" : $"Status{batch}",
                    Capacity = testAccounts ? 20 : 2, OffersOnline = true,
                };
                db.CoachProfiles.Add(coach);
            }
            var relationship = new CoachingRelationship
            {
                Coach = coach, ParticipantId = participant.Id, StartsOn = Start, EndsOn = Start.PlusYears(1).PlusDays(-1), EntitledSessions = 6, EntitledMinutes = 360,
                Status = status, StatusChangedOn = changedOn ?? Start, StatusReason = reason, ChangeRequestedOn = changeRequestedOn,
                Sessions = [new CoachingSessionLog { Date = new LocalDate(2026, 9, 15), Minutes = 90, Confirmation = SessionConfirmation.Confirmed, LoggedAt = app.Clock.GetCurrentInstant() }],
            };
            db.CoachingRelationships.Add(relationship);
            await db.SaveChangesAsync();
            return new Seeded(relationship.Id, coach.Id, coach.Email, participant.Email);
        });
    }

    private static Dictionary<string, string> Change(string status, string day, string month, string year, string reason = "") => new()
    {
        ["NewStatus"] = status, ["On.day"] = day, ["On.month"] = month, ["On.year"] = year, ["Reason"] = reason,
    };

    private Task<CoachingRelationship> ReadAsync(int id) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().CoachingRelationships.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task AssertUnchangedAsync(Seeded seeded, RelationshipStatus status, LocalDate changedOn, string? reason = null)
    {
        var now = await ReadAsync(seeded.Id);
        Assert.Equal((status, changedOn, reason), (now.Status, now.StatusChangedOn, now.StatusReason));
        await app.WithDbAsync(async db => Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(CoachingRelationship) && e.EntityId == seeded.Id.ToString() && e.Action == AuditActions.Updated)));
    }

    [SkippableTheory]
    [InlineData(RelationshipStatus.Active, RelationshipStatus.Paused, "Coaching paused. The coach keeps the place.")]
    [InlineData(RelationshipStatus.Paused, RelationshipStatus.Active, "Coaching resumed.")]
    [InlineData(RelationshipStatus.Active, RelationshipStatus.EndedEarly, "Coaching ended early. The coach's place is free for matching.")]
    [InlineData(RelationshipStatus.Paused, RelationshipStatus.EndedEarly, "Coaching ended early. The coach's place is free for matching.")]
    [InlineData(RelationshipStatus.Active, RelationshipStatus.Completed, "Coaching completed. The coach's place is free for matching.")]
    [InlineData(RelationshipStatus.Paused, RelationshipStatus.Completed, "Coaching completed. The coach's place is free for matching.")]
    public async Task Post_AllowedMove_RecordsStatusReasonAndDate_KeepsTheChangeAsked_AndIsAudited(RelationshipStatus from, RelationshipStatus to, string notice)
    {
        app.RequireDatabase();
        var asked = new LocalDate(2026, 10, 2);
        var seeded = await SeedAsync(from, changedOn: new LocalDate(2026, 10, 1), reason: from == RelationshipStatus.Paused ? "Long illness" : null, changeRequestedOn: asked);
        var staff = app.CreateClient(Roles.PartnerStaff);
        // Reached from the staff coaching home.
        var home = await staff.GetDocumentAsync("/coaching");
        Assert.Equal(seeded.Url, home.QuerySelector($"#relationships tr[data-relationship-id='{seeded.Id}'] a")!.GetAttribute("href"));
        var page = await staff.GetDocumentAsync(seeded.Url);
        Assert.Equal(RelationshipStatusRules.MovesFrom(from).Select(s => s.ToString()), page.QuerySelectorAll("input[name=NewStatus]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("25", page.FieldValue("#On-day"));

        var response = await staff.PostFormAsync(seeded.Url, Change(to.ToString(), "20", "11", "2026", "  Moved to a new post\r\nin another region  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(seeded.Url, response.Headers.Location?.OriginalString);
        var now = await ReadAsync(seeded.Id);
        Assert.Equal((to, new LocalDate(2026, 11, 20), "Moved to a new post\nin another region", asked), (now.Status, now.StatusChangedOn, now.StatusReason, now.ChangeRequestedOn));
        var after = await staff.GetDocumentAsync(seeded.Url);
        Assert.Equal(notice, after.QuerySelector("#notice")!.TextContent.Trim());
        Assert.Equal(RelationshipStatusRules.Describe(to), after.QuerySelector("#status-tag")!.TextContent.Trim());
        Assert.Equal(RelationshipStatusRules.IsFinal(to), after.QuerySelector("#status-form") is null);
        await app.WithDbAsync(async db =>
        {
            var line = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == nameof(CoachingRelationship) && e.EntityId == seeded.Id.ToString() && e.Action == AuditActions.Updated);
            Assert.Equal(UponApp.EmailFor(Roles.PartnerStaff), line.Actor);
            Assert.Contains($"\"Status\":{{\"old\":\"{from}\",\"new\":\"{to}\"}}", line.Changes, StringComparison.Ordinal);
            Assert.Contains("\"StatusChangedOn\":{\"old\":\"2026-10-01\",\"new\":\"2026-11-20\"}", line.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain("ChangeRequestedOn", line.Changes, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task Post_ResumeAndComplete_NeedNoReason_AndClearTheLastOne()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync(RelationshipStatus.Paused, changedOn: new LocalDate(2026, 10, 1), reason: "Long illness");
        var staff = app.CreateClient(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(seeded.Url, Change("Active", "1", "10", "2026"))).StatusCode);
        Assert.Null((await ReadAsync(seeded.Id)).StatusReason);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(seeded.Url, Change("Completed", "25", "11", "2026"))).StatusCode);
        var now = await ReadAsync(seeded.Id);
        Assert.Equal((RelationshipStatus.Completed, new LocalDate(2026, 11, 25), (string?)null), (now.Status, now.StatusChangedOn, now.StatusReason));
    }

    [SkippableTheory]
    [InlineData(RelationshipStatus.EndedEarly, "Completed", "This relationship ended early on 1 November 2026: its status can no longer change")]
    [InlineData(RelationshipStatus.EndedEarly, "Active", "This relationship ended early on 1 November 2026: its status can no longer change")]
    [InlineData(RelationshipStatus.Completed, "Paused", "This relationship was completed on 1 November 2026: its status can no longer change")]
    [InlineData(RelationshipStatus.Completed, "EndedEarly", "This relationship was completed on 1 November 2026: its status can no longer change")]
    [InlineData(RelationshipStatus.Active, "Active", "This relationship is already active")]
    [InlineData(RelationshipStatus.Paused, "Paused", "This relationship is already paused")]
    [InlineData(RelationshipStatus.Active, "", "Select the new status")]
    [InlineData(RelationshipStatus.Active, "1", "Select the new status")]
    [InlineData(RelationshipStatus.Active, "Sleeping", "Select the new status")]
    public async Task Post_RefusedMove_ShowsWhy_AndWritesNothing(RelationshipStatus from, string to, string message)
    {
        app.RequireDatabase();
        var changedOn = new LocalDate(2026, 11, 1);
        var seeded = await SeedAsync(from, changedOn: changedOn, reason: "Earlier reason");
        var staff = app.CreateClient(Roles.Administrator);
        if (RelationshipStatusRules.IsFinal(from))
        {
            var page = await staff.GetDocumentAsync(seeded.Url);
            Assert.Null(page.QuerySelector("#status-form"));
            Assert.NotNull(page.QuerySelector("#final"));
        }

        var refused = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change(to, "20", "11", "2026", "A reason")));

        Assert.Equal([message], refused.ErrorSummary());
        Assert.Equal(RelationshipStatusRules.IsFinal(from) ? "#status" : "#NewStatus", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        await AssertUnchangedAsync(seeded, from, changedOn, "Earlier reason");
        // The service refuses the same moves on its own, with the same words.
        if (Enum.TryParse<RelationshipStatus>(to, out var status) && to != "1")
        {
            var problems = await app.WithScopeAsync(s => s.GetRequiredService<CoachingService>()
                .ChangeRelationshipStatusAsync(new RelationshipStatusChange(seeded.Id, status, new LocalDate(2026, 11, 20), "A reason")));
            Assert.Equal([message], problems.Select(p => p.Message));
            await AssertUnchangedAsync(seeded, from, changedOn, "Earlier reason");
        }
    }

    [SkippableTheory]
    [InlineData("31", "8", "2026", "The date must be on or after 1 September 2026, when the relationship started", "#On-day")]
    [InlineData("26", "11", "2026", "The date must be today or in the past", "#On-day")]
    [InlineData("31", "2", "2026", "Date must be a real date", "#On-day")]
    [InlineData("1", "13", "2026", "Date must be a real date", "#On-month")]
    [InlineData("", "", "", "Enter a date", "#On-day")]
    [InlineData("1", "", "2026", "Date must include a month", "#On-month")]
    public async Task Post_DateOutOfBoundsOrNotReal_IsRefused_AndWritesNothing(string day, string month, string year, string message, string link)
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var staff = app.CreateClient(Roles.Administrator);

        var refused = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change("Paused", day, month, year, "Moved post")));

        Assert.Equal([message], refused.ErrorSummary());
        Assert.Equal(link, refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        // What was entered is shown again.
        Assert.Equal(day, refused.FieldValue("#On-day"));
        Assert.Equal("Moved post", refused.QuerySelector("#Reason")!.TextContent);
        Assert.NotNull(refused.QuerySelector("#NewStatus[checked]"));
        await AssertUnchangedAsync(seeded, RelationshipStatus.Active, Start);
    }

    [SkippableFact]
    public async Task Post_DateBounds_TheStartAndTodayAreAccepted_AndAResumeCannotComeBeforeItsPause()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var staff = app.CreateClient(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(seeded.Url, Change("Paused", "1", "9", "2026", "Started on leave"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(seeded.Url, Change("Active", "10", "10", "2026"))).StatusCode);
        var early = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change("Paused", "9", "10", "2026", "Again")));
        Assert.Equal(["The date must be on or after 10 October 2026, when its status last changed"], early.ErrorSummary());
        await AssertDateAsync(new LocalDate(2026, 10, 10));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(seeded.Url, Change("EndedEarly", "25", "11", "2026", "Left the programme"))).StatusCode);
        await AssertDateAsync(new LocalDate(2026, 11, 25));

        async Task AssertDateAsync(LocalDate expected) => Assert.Equal(expected, (await ReadAsync(seeded.Id)).StatusChangedOn);
    }

    [SkippableFact]
    public async Task Post_Reason_IsNeededToPauseAndEndEarly_AndBounded()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var staff = app.CreateClient(Roles.Administrator);

        var pause = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change("Paused", "20", "11", "2026", "   ")));
        Assert.Equal(["Enter a reason for pausing"], pause.ErrorSummary());
        Assert.Equal("#Reason", pause.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.StartsWith("Error: ", pause.Title, StringComparison.Ordinal);
        var end = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change("EndedEarly", "20", "11", "2026")));
        Assert.Equal(["Enter a reason for ending early"], end.ErrorSummary());
        var tooLong = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change("Paused", "20", "11", "2026", new string('x', RelationshipStatusRules.MaxReasonLength + 1))));
        Assert.Equal(["The reason must be 500 characters or fewer"], tooLong.ErrorSummary());
        // Every problem at once, in the order of the page.
        var all = await Html.ParseAsync(await staff.PostFormAsync(seeded.Url, Change("", "", "", "", new string('x', RelationshipStatusRules.MaxReasonLength + 1))));
        Assert.Equal(["Select the new status", "Enter a date", "The reason must be 500 characters or fewer"], all.ErrorSummary());
        await AssertUnchangedAsync(seeded, RelationshipStatus.Active, Start);

        // Exactly the longest reason is kept.
        var longest = new string('y', RelationshipStatusRules.MaxReasonLength);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(seeded.Url, Change("Paused", "20", "11", "2026", longest))).StatusCode);
        Assert.Equal(longest, (await ReadAsync(seeded.Id)).StatusReason);
    }

    [SkippableFact]
    public async Task Page_IsForStaffOnly()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(Roles.PartnerStaff).GetAsync(seeded.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(Roles.Administrator).GetAsync("/coaching/relationships/0")).StatusCode);
        foreach (var role in new[] { Roles.Coach, Roles.Participant, Roles.Funder })
        {
            var client = app.CreateClient(role);
            var refused = await client.GetAsync(seeded.Url);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden
                || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
                $"{role} got {refused.StatusCode} {refused.Headers.Location}");
            // A post with a good antiforgery token (from a page they may see) changes nothing either.
            var posted = await client.PostFormAsync("/", Change("EndedEarly", "20", "11", "2026", "Not theirs to end"), seeded.Url);
            Assert.NotEqual(seeded.Url, posted.Headers.Location?.OriginalString);
            Assert.False(posted.IsSuccessStatusCode, $"{role} posted and got {posted.StatusCode}");
        }
        await AssertUnchangedAsync(seeded, RelationshipStatus.Active, Start);
    }

    [SkippableFact]
    public async Task EndingEarly_FreesTheCoachesPlaceInMatching_PausingKeepsIt()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var roundId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var round = new MatchingRound { Name = $"Places {Guid.NewGuid():N}"[..20], Status = RoundStatus.Open };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
        async Task<int> FreePlacesAsync() =>
            (await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().LoadAsync(roundId)))!.Problem.Coaches.Single(c => c.Key == seeded.CoachEmail).FreePlaces;
        var staff = app.CreateClient(Roles.Administrator);
        string Holding(AngleSharp.Dom.IDocument pool) => pool.QuerySelector($"#pool tr[data-coach='{seeded.CoachEmail}'] td:nth-child(3)")!.TextContent.Trim();

        Assert.Equal(1, await FreePlacesAsync());
        await staff.PostFormAsync(seeded.Url, Change("Paused", "20", "11", "2026", "On leave"));
        Assert.True((await ReadAsync(seeded.Id)).HoldsPlace);
        Assert.Equal(1, await FreePlacesAsync());
        Assert.Equal("1", Holding(await staff.GetDocumentAsync("/coaching")));

        await staff.PostFormAsync(seeded.Url, Change("EndedEarly", "25", "11", "2026", "Left the programme"));
        Assert.False((await ReadAsync(seeded.Id)).HoldsPlace);
        Assert.Equal(2, await FreePlacesAsync());
        Assert.Equal("0", Holding(await staff.GetDocumentAsync("/coaching")));
    }

    [SkippableFact]
    public async Task CoachAndCoachee_SeeTheStatus_AndTheCoachCannotLogOnceCompleted()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync(testAccounts: true);
        var staff = app.CreateClient(Roles.Administrator);
        var coach = app.CreateClient(Roles.Coach);
        var participant = app.CreateClient(Roles.Participant);
        var key = $"log-{seeded.Id}";
        Dictionary<string, string> Log(string day) => new()
        {
            ["relationshipId"] = seeded.Id.ToString(), [$"{key}-date.day"] = day, [$"{key}-date.month"] = "11", [$"{key}-date.year"] = "2026", [$"{key}-minutes"] = "60", ["mode"] = "online",
        };
        async Task<int> SessionCountAsync() => await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().CoachingSessionLogs.CountAsync(l => l.RelationshipId == seeded.Id));

        // Active: no status line.
        Assert.Null((await coach.GetDocumentAsync("/coach/coachees")).QuerySelector($"#status-{seeded.Id}"));
        Assert.Null((await participant.GetDocumentAsync("/my/coach")).QuerySelector($"#status-{seeded.Id}"));

        // Paused: both see since when and why; the coach may still log a session (one held before the pause, say).
        await staff.PostFormAsync(seeded.Url, Change("Paused", "3", "11", "2026", "Taking some leave"));
        Assert.Equal("Paused since 3 November 2026: Taking some leave", (await coach.GetDocumentAsync("/coach/coachees")).QuerySelector($"#status-{seeded.Id}")!.TextContent.Trim());
        Assert.Equal("Paused since 3 November 2026: Taking some leave", (await participant.GetDocumentAsync("/my/coach")).QuerySelector($"#status-{seeded.Id}")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync("/coach/coachees", Log("2"), "/coach/coachees?handler=Log")).StatusCode);
        Assert.Equal(2, await SessionCountAsync());

        // Completed: the log form is gone, and a post for it (from a page read before) is refused.
        await staff.PostFormAsync(seeded.Url, Change("Completed", "20", "11", "2026"));
        var coachees = await coach.GetDocumentAsync("/coach/coachees");
        Assert.Equal("Completed on 20 November 2026.", coachees.QuerySelector($"#status-{seeded.Id}")!.TextContent.Trim());
        Assert.Null(coachees.QuerySelector($"#{key}-date-day"));
        Assert.Equal("Completed on 20 November 2026.", (await participant.GetDocumentAsync("/my/coach")).QuerySelector($"#status-{seeded.Id}")!.TextContent.Trim());

        var refused = await Html.ParseAsync(await coach.PostFormAsync("/coach/coachees", Log("19"), "/coach/coachees?handler=Log"));
        Assert.Equal(["This coaching has ended: sessions can no longer be logged"], refused.ErrorSummary());
        Assert.Equal($"#{key}", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(2, await SessionCountAsync());
        var thrown = await Assert.ThrowsAsync<CoachingRuleException>(() => app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<CoachingService>().LogSessionAsync(seeded.CoachId, seeded.Id, new LocalDate(2026, 11, 19), 60, false);
            return 0;
        }));
        Assert.Equal(RelationshipStatusRules.EndedLoggingRefused, thrown.Message);
        Assert.Equal(2, await SessionCountAsync());
    }
}

public sealed class RelationshipStatusTests_Sqlite(SqliteApp app) : RelationshipStatusTests(app), IClassFixture<SqliteApp>;

public sealed class RelationshipStatusTests_Postgres(PostgresApp app) : RelationshipStatusTests(app), IClassFixture<PostgresApp>;
