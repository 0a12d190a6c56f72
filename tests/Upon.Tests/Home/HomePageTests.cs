using Upon.Shared.Security;
using Upon.Accounts;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Home;

/// <summary>Each role's home page shows what needs doing and what it can do.</summary>
public abstract class HomePageTests(UponApp app)
{
    [SkippableFact]
    public async Task Staff_SeeThisWeeksSessions_AndAttendanceToMark()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var soon = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 11, 27, 10, 0), title: "Thursday's workshop");
        var later = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 12, 10, 10, 0), title: "December workshop");
        var held = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 11, 20, 10, 0), title: "Last week's workshop");
        var marked = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 11, 19, 10, 0), title: "Marked workshop");
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        await SessionSeed.PlacesAsync(app, held, people);
        await SessionSeed.PlacesAsync(app, marked, people);
        await SessionSeed.MarkAsync(app, marked, people[0], AttendanceMark.Present);

        var home = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/");

        var week = home.QuerySelector("#this-week")!;
        Assert.NotNull(week.QuerySelector($"a[href='/sessions/{soon.Id}']"));
        Assert.Null(week.QuerySelector($"a[href='/sessions/{later.Id}']"));
        var toMark = home.QuerySelector("#attendance-to-mark")!;
        Assert.NotNull(toMark.QuerySelector($"a[href='/sessions/{held.Id}/register']"));
        Assert.Null(toMark.QuerySelector($"a[href='/sessions/{marked.Id}/register']"));
        Assert.NotNull(home.QuerySelector("#invitations-to-do"));
        Assert.NotNull(home.QuerySelector("a[href='/new-directors']"));
        Assert.Null(home.QuerySelector("a[href='/admin/accounts']"));
    }

    [SkippableFact]
    public async Task AParticipant_SeesTheirNextSession_AndTheirJourney()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var first = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 12, 2, 10, 0), title: "My next one");
        var second = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 12, 9, 10, 0), title: "The one after");
        await SessionSeed.PlacesAsync(app, second, [me]);
        await SessionSeed.PlacesAsync(app, first, [me]);

        var home = await app.CreateClient(Roles.Participant).GetDocumentAsync("/");

        Assert.Equal($"/my/sessions/{first.Id}", home.QuerySelector("#next-session a")?.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector("#journey-link[href='/my/journey']"));
        Assert.Null(home.QuerySelector("#this-week"));
    }

    [SkippableFact]
    public async Task TheFunder_SeesTheFigures()
    {
        app.RequireDatabase();

        var home = await app.CreateClient(Roles.Funder).GetDocumentAsync("/");

        Assert.NotNull(home.QuerySelector("#figures"));
        Assert.NotNull(home.QuerySelector("a[href='/register/turnover']"));
        Assert.NotNull(home.QuerySelector("a[href='/new-directors/figures']"));
        Assert.Null(home.QuerySelector("a[href='/sessions']"));
    }
}

public sealed class HomePageTests_Sqlite(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class HomePageTests_Postgres(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
