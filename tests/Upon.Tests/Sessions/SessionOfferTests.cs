using System.Net;
using System.Net.Http.Json;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.NewDirectors;

namespace Upon.Tests.Sessions;

/// <summary>
/// A participant is offered only the sessions of their strand, cohort and stage: a New Director in month 1 is not offered
/// the second-year coaching group, on their sessions page, on their journey or by booking; and "the next session you can
/// book" on the journey is one with a free place.
/// </summary>
public abstract class SessionOfferTests(UponApp app)
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [SkippableFact]
    public async Task AMonthOneDirector_IsNotOfferedTheSecondYearCoachingGroup()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (client, userId) = await JourneySeed.ParticipantAccountAsync(app);
        // Enrolled on 2 November 2026: 25 November 2026 is in month 1.
        await JourneySeed.EnrolAsync(app, strand, D(2026, 11, 2), userId: userId);
        var coaching = await JourneySeed.SessionAsync(app, strand, D(2026, 12, 9), SessionType.CoachingGroup, "Second-year coaching group");
        var workshop = await JourneySeed.SessionAsync(app, strand, D(2026, 12, 10), SessionType.VirtualWorkshop, "Leading through inspection");

        var mine = await client.GetDocumentAsync("/my/sessions");
        var booking = await client.PostAsJsonAsync($"/api/sessions/{coaching.Id}/bookings", new { });

        Assert.NotNull(mine.QuerySelector($"a[href='/my/sessions/{workshop.Id}']"));
        Assert.Null(mine.QuerySelector($"a[href='/my/sessions/{coaching.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/my/sessions/{coaching.Id}", UriKind.Relative))).StatusCode);
        Assert.False(booking.IsSuccessStatusCode, $"booking the coaching group answered {(int)booking.StatusCode}");
        Assert.Empty(await SessionSeed.BookingsAsync(app, coaching.Id));
    }

    [SkippableFact]
    public async Task TheJourneysNextSessionToBook_HasAFreePlace()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (client, userId) = await JourneySeed.ParticipantAccountAsync(app);
        await JourneySeed.EnrolAsync(app, strand, D(2026, 10, 5), userId: userId);
        var full = await SessionSeed.SessionAsync(app, strand, capacity: 1, start: D(2026, 12, 1).At(new LocalTime(14, 0)), title: "Full workshop");
        var open = await SessionSeed.SessionAsync(app, strand, capacity: 10, start: D(2026, 12, 3).At(new LocalTime(14, 0)), title: "Open workshop");
        var someone = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await SessionSeed.PlacesAsync(app, full, [someone]);

        var journey = await client.GetDocumentAsync("/my/journey");

        Assert.Equal($"/my/sessions/{open.Id}", journey.QuerySelector("#next a")?.GetAttribute("href"));
    }
}

public sealed class SessionOfferTests_Sqlite(SqliteApp app) : SessionOfferTests(app), IClassFixture<SqliteApp>;

public sealed class SessionOfferTests_Postgres(PostgresApp app) : SessionOfferTests(app), IClassFixture<PostgresApp>;
