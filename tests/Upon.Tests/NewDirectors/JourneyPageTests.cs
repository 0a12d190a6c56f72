using System.Net;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.NewDirectors;

/// <summary>A New Director's own journey page, and who may see journeys.</summary>
public abstract class JourneyPageTests(UponApp app)
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [SkippableFact]
    public async Task MyJourney_ShowsStageAttendedBookedNextSuggestedResidentialAndProgress()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (client, userId) = await JourneySeed.ParticipantAccountAsync(app);
        // Enrolled on 20 May 2026: 25 November 2026 is in month 7 of the core programme.
        var (me, _) = await JourneySeed.EnrolAsync(app, strand, D(2026, 5, 20), userId: userId);
        var marks = new AttendanceMark?[] { AttendanceMark.Present, AttendanceMark.Late, AttendanceMark.Absent, AttendanceMark.Present, null };
        var held = new[] { D(2026, 6, 12), D(2026, 7, 10), D(2026, 8, 14), D(2026, 9, 11), D(2026, 10, 9) };
        for (var i = 0; i < held.Length; i++)
        {
            var workshop = await JourneySeed.SessionAsync(app, strand, held[i], SessionType.VirtualWorkshop, $"Workshop {i + 1}");
            if (marks[i] is { } mark)
            {
                await JourneySeed.MarkAsync(app, workshop, me, mark);
            }
        }
        var before = await JourneySeed.SessionAsync(app, strand, D(2026, 5, 8), SessionType.VirtualWorkshop, "Before my time");
        var missedResidential = await JourneySeed.SessionAsync(app, strand, D(2026, 7, 21), SessionType.Residential, "Summer residential", hours: 26);
        await JourneySeed.MarkAsync(app, missedResidential, me, AttendanceMark.Absent);
        var coaching = await JourneySeed.SessionAsync(app, strand, D(2026, 12, 2), SessionType.CoachingGroup, "Second-year coaching group");
        var booked = await JourneySeed.SessionAsync(app, strand, D(2026, 12, 11), SessionType.VirtualWorkshop, "Corporate parenting");
        await JourneySeed.BookAsync(app, booked, me);
        var next = await JourneySeed.SessionAsync(app, strand, D(2027, 1, 8), SessionType.VirtualWorkshop, "The high-needs budget");
        var residential = await JourneySeed.SessionAsync(app, strand, D(2027, 1, 26), SessionType.Residential, "Winter residential", hours: 26);

        var page = await client.GetDocumentAsync("/my/journey");

        Assert.Null(page.QuerySelector("#no-journey"));
        Assert.Equal("Core programme, month 7 of 24", page.QuerySelector("#stage")!.TextContent.Trim());
        Assert.Equal(3, page.QuerySelectorAll("#attended tbody tr").Length);
        Assert.Null(page.QuerySelector($"#attended tr[data-session-id='{before.Id}']"));
        Assert.NotNull(page.QuerySelector($"#booked li[data-session-id='{booked.Id}']"));
        Assert.Equal($"/my/sessions/{next.Id}", page.QuerySelector("#next a")!.GetAttribute("href"));
        Assert.Equal($"/my/sessions/{residential.Id}", page.QuerySelector("#suggested-residential a")!.GetAttribute("href"));

        var workshops = page.QuerySelector("#progress-workshops")!;
        Assert.Equal("3", workshops.QuerySelector("[data-attended]")!.TextContent);
        Assert.Equal("5", workshops.QuerySelector("[data-held]")!.TextContent);
        Assert.Equal("60.0%", workshops.QuerySelector("[data-share]")!.TextContent);
        Assert.Equal("Met", workshops.QuerySelector("[data-met]")!.TextContent.Trim());
        var residentialProgress = page.QuerySelector("#progress-residential")!;
        Assert.Contains("No residential attended", residentialProgress.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not yet", residentialProgress.QuerySelector("[data-met]")!.TextContent.Trim());

        Assert.Equal(24, page.QuerySelectorAll("#timeline > li").Length);
        Assert.NotNull(page.QuerySelector("#month-7 #now"));
        Assert.Contains("Missed", page.QuerySelector($"#month-3 li[data-session-id='{missedResidential.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Booked", page.QuerySelector($"#month-7 li[data-session-id='{booked.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("coaching-year", page.QuerySelector("#month-13")!.GetAttribute("data-stage"));
        // The coaching group falls in the core year: not suggested as next, and not yet their coaching.
        Assert.NotEqual($"/my/sessions/{coaching.Id}", page.QuerySelector("#next a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#coaching-none"));

        // Booked on the residential, it is no longer suggested.
        await JourneySeed.BookAsync(app, residential, me, BookingStatus.Waitlisted);
        var after = await client.GetDocumentAsync("/my/journey");
        Assert.Null(after.QuerySelector("#suggested-residential"));
        Assert.NotNull(after.QuerySelector($"#booked li[data-session-id='{residential.Id}']"));
    }

    [SkippableFact]
    public async Task MyJourney_AfterAttendingAResidential_SuggestsNoOther()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (client, userId) = await JourneySeed.ParticipantAccountAsync(app);
        var (me, _) = await JourneySeed.EnrolAsync(app, strand, D(2026, 5, 20), userId: userId);
        var attended = await JourneySeed.SessionAsync(app, strand, D(2026, 7, 21), SessionType.Residential, "Summer residential", hours: 26);
        await JourneySeed.MarkAsync(app, attended, me, AttendanceMark.Present);
        // Later than the other test's residential, which shares the class's strand and must stay the first one open.
        await JourneySeed.SessionAsync(app, strand, D(2027, 2, 23), SessionType.Residential, "Spring residential", hours: 26);

        var page = await client.GetDocumentAsync("/my/journey");

        Assert.Null(page.QuerySelector("#suggested-residential"));
        Assert.Equal("Met", page.QuerySelector("#progress-residential [data-met]")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task MyJourney_WithoutANewDirectorsPlace_SaysSo()
    {
        app.RequireDatabase();
        var (client, userId) = await JourneySeed.ParticipantAccountAsync(app);
        var page = await client.GetDocumentAsync("/my/journey");
        Assert.Contains("You do not have a place on the New Directors programme", page.QuerySelector("#no-journey")!.TextContent, StringComparison.Ordinal);

        // A participant record on another strand only is no journey either.
        var other = await Upon.Tests.Sessions.SessionSeed.StrandAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.Participants.Add(new Upon.Sessions.Participant
            {
                UserId = userId, GivenName = "Ash", FamilyName = "Aspirant", Email = $"ash.{Guid.NewGuid():N}@example.org", CreatedAt = app.Clock.GetCurrentInstant(),
                Enrolments = [new Upon.Sessions.Enrolment { StrandId = other.Id, StartsOn = D(2026, 9, 1) }],
            });
            await db.SaveChangesAsync();
        });
        Assert.NotNull((await client.GetDocumentAsync("/my/journey")).QuerySelector("#no-journey"));
    }

    [SkippableFact]
    public async Task Journeys_AreOnlyEverTheParticipantsOwn_AndStaffPagesRefuseOtherRoles()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (mine, myId) = await JourneySeed.ParticipantAccountAsync(app);
        var (theirs, theirId) = await JourneySeed.ParticipantAccountAsync(app);
        var (me, myEnrolment) = await JourneySeed.EnrolAsync(app, strand, D(2026, 3, 2), userId: myId);
        var (them, theirEnrolment) = await JourneySeed.EnrolAsync(app, strand, D(2025, 9, 15), userId: theirId);
        var (person, appointment) = await JourneySeed.DirectorAsync(app, D(2026, 11, 2), email: null);
        var invitation = await JourneySeed.InvitationAsync(app, person, appointment);

        Assert.Contains("month 9 of 24", (await mine.GetDocumentAsync("/my/journey")).QuerySelector("#stage")!.TextContent, StringComparison.Ordinal);
        var other = await theirs.GetDocumentAsync("/my/journey");
        Assert.Contains("Coaching year, month 15 of 24", other.QuerySelector("#stage")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(me.FamilyName, other.Body!.TextContent, StringComparison.Ordinal);

        string[] staffOnly = ["/new-directors", $"/new-directors/participants/{myEnrolment.Id}", $"/new-directors/participants/{theirEnrolment.Id}",
            "/new-directors/invitations", $"/new-directors/invitations/{invitation.Id}"];
        foreach (var client in new[] { mine, app.CreateClient(Roles.Participant), app.CreateClient(Roles.Coach), app.CreateClient(Roles.Funder) })
        {
            foreach (var url in staffOnly)
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
                    $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        var forged = await mine.PostAsync(new Uri($"/new-directors/participants/{theirEnrolment.Id}?handler=Change", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "Withdraw", ["On.day"] = "25", ["On.month"] = "11", ["On.year"] = "2026", ["Reason"] = "x" }));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.False(forged.Headers.Location?.OriginalString.StartsWith("/new-directors", StringComparison.Ordinal) == true);
        Assert.Equal(Upon.Sessions.EnrolmentStatus.Enrolled, (await JourneySeed.EnrolmentAsync(app, theirEnrolment.Id)).Status);

        var staff = await app.CreateClient(Roles.Administrator).GetDocumentAsync($"/new-directors/participants/{theirEnrolment.Id}");
        Assert.Equal(them.FullName, staff.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(Roles.Administrator).GetAsync(new Uri("/new-directors/participants/999999", UriKind.Relative))).StatusCode);
    }
}

public sealed class JourneyPageTests_Sqlite(SqliteApp app) : JourneyPageTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyPageTests_Postgres(PostgresApp app) : JourneyPageTests(app), IClassFixture<PostgresApp>;
