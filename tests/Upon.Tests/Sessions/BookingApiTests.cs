using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>
/// Booking through the JSON API on the real host, with API tokens as programs call it: seats never overbooked however many book at once, the waiting list in
/// arrival order, promotion on cancel, one booking per person, and who may book whom.
/// </summary>
public abstract class BookingApiTests(UponApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record BookingJson(int Id, int SessionId, int ParticipantId, string Status, int? WaitingPosition);

    private sealed record SessionJson(int Id, string Uid, string StartLocal, string EndLocal, string TimeZone, string StartUtc, string EndUtc,
        int Capacity, int Booked, int Waiting, string Status, string? VideoLink, int Sequence);

    private static async Task<HttpResponseMessage> BookAsync(HttpClient client, int sessionId, int? participantId) =>
        await client.PostAsJsonAsync($"/api/sessions/{sessionId}/bookings", new { participantId });

    private async Task<(int SessionId, List<int> People)> FullSessionWithQueueAsync(int capacity, int people)
    {
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity);
        var participants = await SessionSeed.ParticipantsAsync(app, strand, people);
        return (session.Id, participants.Select(p => p.Id).ToList());
    }

    [SkippableFact]
    public async Task FiftyAtOnceForTheLastSeat_OneBooks_TheRestWait_Repeatedly()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        for (var round = 0; round < 3; round++)
        {
            var (sessionId, people) = await FullSessionWithQueueAsync(capacity: 5, people: 54);
            foreach (var early in people.Take(4))
            {
                Assert.Equal(HttpStatusCode.Created, (await BookAsync(staff, sessionId, early)).StatusCode);
            }

            var responses = await Task.WhenAll(people.Skip(4).Select(p => BookAsync(staff, sessionId, p)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var outcomes = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<BookingJson>(Json)));
            Assert.Single(outcomes, o => o!.Status == "booked");
            Assert.Equal(49, outcomes.Count(o => o!.Status == "waitlisted"));
            var bookings = await SessionSeed.BookingsAsync(app, sessionId);
            Assert.Equal(5, bookings.Count(b => b.Status == BookingStatus.Booked));
            Assert.Equal(Enumerable.Range(1, 49), outcomes.Where(o => o!.Status == "waitlisted").Select(o => o!.WaitingPosition!.Value).Order());
        }
    }

    [SkippableFact]
    public async Task HundredAtOnceIntoTwentySeats_TwentyBook_EightyWaitInArrivalOrder()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var (sessionId, people) = await FullSessionWithQueueAsync(capacity: 20, people: 100);

        var responses = await Task.WhenAll(people.Select(p => BookAsync(staff, sessionId, p)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bookings = await SessionSeed.BookingsAsync(app, sessionId);
        Assert.Equal(20, bookings.Count(b => b.Status == BookingStatus.Booked));
        Assert.Equal(80, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
        // Arrival order is the order requests took the session's lock: the first twenty to arrive have the seats and
        // the queue numbers run without gaps or repeats.
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), bookings.Select(b => b.Queue));
        Assert.All(bookings.Take(20), b => Assert.Equal(BookingStatus.Booked, b.Status));
        var session = await staff.GetFromJsonAsync<SessionJson>($"/api/sessions/{sessionId}", Json);
        Assert.Equal((20, 80), (session!.Booked, session.Waiting));
    }

    [SkippableFact]
    public async Task Cancelling_GivesTheSeatToTheFirstPersonWaiting_WhoIsToldByEmail()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        var first = await (await BookAsync(staff, session.Id, people[0].Id)).Content.ReadFromJsonAsync<BookingJson>(Json);
        await BookAsync(staff, session.Id, people[1].Id);
        await BookAsync(staff, session.Id, people[2].Id);

        var cancel = await staff.DeleteAsync($"/api/sessions/{session.Id}/bookings/{first!.Id}");

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        var bookings = await SessionSeed.BookingsAsync(app, session.Id);
        Assert.Equal(BookingStatus.Cancelled, bookings.Single(b => b.ParticipantId == people[0].Id).Status);
        Assert.Equal(BookingStatus.Booked, bookings.Single(b => b.ParticipantId == people[1].Id).Status);
        Assert.Equal(BookingStatus.Waitlisted, bookings.Single(b => b.ParticipantId == people[2].Id).Status);
        var promoted = await SessionSeed.EmailsToAsync(app, people[1].Email);
        Assert.Equal(["On the waiting list: Leading through inspection", "A place is yours: Leading through inspection"], promoted.Select(m => m.Subject));
        Assert.Single(promoted[1].Attachments, a => a.FileName == "session.ics");
        Assert.Equal(["Booked: Leading through inspection", "Cancelled: your booking for Leading through inspection"], (await SessionSeed.EmailsToAsync(app, people[0].Email)).Select(m => m.Subject));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync($"/api/sessions/{session.Id}/bookings/{first.Id}")).StatusCode);
    }

    [SkippableFact]
    public async Task BookingTwice_Answers409_AndKeepsOneBooking()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.Administrator);
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 10);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => BookAsync(staff, session.Id, person.Id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal("application/problem+json", responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.Headers.ContentType?.MediaType);
        Assert.Single(await SessionSeed.BookingsAsync(app, session.Id));
    }

    [SkippableFact]
    public async Task AParticipantBooksThemselves_AndSeesTheVideoLinkOnlyOnceBooked()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 10);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var client = app.CreateApiClient(Roles.Participant);
        Assert.Null((await client.GetFromJsonAsync<SessionJson>($"/api/sessions/{session.Id}", Json))!.VideoLink);

        var response = await client.PostAsJsonAsync($"/api/sessions/{session.Id}/bookings", new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<BookingJson>(Json);
        Assert.Equal((me.Id, "booked"), (booking!.ParticipantId, booking.Status));
        Assert.Equal($"/api/sessions/{session.Id}/bookings/{booking.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("https://meet.example.org/upon-test", (await client.GetFromJsonAsync<SessionJson>($"/api/sessions/{session.Id}", Json))!.VideoLink);
        Assert.Null((await app.CreateApiClient(Roles.Coach).GetFromJsonAsync<SessionJson>($"/api/sessions/{session.Id}", Json))!.VideoLink);
    }

    [SkippableFact]
    public async Task AParticipantCannotBookOrCancelForSomeoneElse_NorBookOutsideTheirProgramme()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var otherStrand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 10);
        var elsewhere = await SessionSeed.SessionAsync(app, otherStrand, capacity: 10);
        await SessionSeed.TestParticipantAsync(app, strand);
        var someone = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var theirs = await (await BookAsync(app.CreateApiClient(Roles.PartnerStaff), session.Id, someone.Id)).Content.ReadFromJsonAsync<BookingJson>(Json);
        var client = app.CreateApiClient(Roles.Participant);

        Assert.Equal(HttpStatusCode.Forbidden, (await BookAsync(client, session.Id, someone.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/sessions/{session.Id}/bookings/{theirs!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync($"/api/sessions/{elsewhere.Id}/bookings", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await BookAsync(app.CreateApiClient(Roles.Coach), session.Id, someone.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateApiClient(Roles.Funder).GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/participants")).StatusCode);
        Assert.Equal(BookingStatus.Booked, (await SessionSeed.BookingsAsync(app, session.Id)).Single().Status);
    }

    [SkippableFact]
    public async Task StaffMustNameWhoTheyBook_AndCannotBookAStartedOrUnknownSession()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var strand = await SessionSeed.StrandAsync(app);
        var past = await SessionSeed.SessionAsync(app, strand, capacity: 10, start: new LocalDateTime(2026, 11, 20, 14, 0));
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/sessions/{past.Id}/bookings", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await BookAsync(staff, past.Id, person.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(staff, 999_999, person.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(staff, past.Id, 999_999)).StatusCode);
    }

    [SkippableFact]
    public async Task SessionTimes_AreLondonWallClockAndUtc_AcrossTheClockChange()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var july = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 7, 9, 14, 0));
        var january = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 1, 15, 14, 0));
        var client = app.CreateApiClient(Roles.PartnerStaff);

        var summer = await client.GetFromJsonAsync<SessionJson>($"/api/sessions/{july.Id}", Json);
        var winter = await client.GetFromJsonAsync<SessionJson>($"/api/sessions/{january.Id}", Json);

        Assert.Equal(("2027-07-09T14:00:00", "2027-07-09T16:00:00", "Europe/London", "2027-07-09T13:00:00Z", "2027-07-09T15:00:00Z"),
            (summer!.StartLocal, summer.EndLocal, summer.TimeZone, summer.StartUtc, summer.EndUtc));
        Assert.Equal(("2027-01-15T14:00:00", "2027-01-15T14:00:00Z"), (winter!.StartLocal, winter.StartUtc));
        var listed = await client.GetFromJsonAsync<List<SessionJson>>($"/api/sessions?strand={strand.Slug}&from=2027-07-01", Json);
        Assert.Equal([july.Id], listed!.Select(s => s.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/sessions?from=July")).StatusCode);
    }

    [SkippableFact]
    public async Task StaffCreateASessionThroughTheApi_AndBadFieldsAreNamed()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var staff = app.CreateApiClient(Roles.PartnerStaff);

        var created = await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = "Working with the ICB",
            type = "virtual-workshop",
            strand = strand.Slug,
            startLocal = "2027-07-16T14:00:00",
            endLocal = "2027-07-16T16:00:00",
            capacity = 25,
            videoLink = "https://meet.example.org/icb",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<SessionJson>(Json);
        Assert.Equal(("2027-07-16T13:00:00Z", 25, "scheduled", 0), (session!.StartUtc, session.Capacity, session.Status, session.Booked));
        Assert.Equal($"/api/sessions/{session.Id}", created.Headers.Location?.OriginalString);

        var bad = await staff.PostAsJsonAsync("/api/sessions", new { title = "", type = "lecture", strand = "nope", startLocal = "tomorrow", endLocal = "2027-07-16T16:00:00", capacity = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Json);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["startLocal", "strand", "title", "type"], fields);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateApiClient(Roles.Participant).PostAsJsonAsync("/api/sessions", new { title = "x" })).StatusCode);
    }

    [SkippableTheory]
    [InlineData("span", "endLocal")]
    [InlineData("no-scheme", "videoLink")]
    [InlineData("javascript", "videoLink")]
    [InlineData("http", "videoLink")]
    [InlineData("long-title", "title")]
    [InlineData("long-venue", "venue")]
    public async Task CreatingASession_KeepsTheFormsBounds_AnswersBadRequestNamingTheField_AndWritesNothing(string bad, string field)
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var strand = await SessionSeed.StrandAsync(app);
        var good = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 7, 9, 14, 0));

        var response = await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = bad == "long-title" ? new string('t', 300) : "Residential",
            type = "virtual-workshop",
            strand = strand.Slug,
            startLocal = "2027-07-16T14:00:00",
            endLocal = bad == "span" ? "2027-08-16T16:00:00" : "2027-07-16T16:00:00",
            capacity = 25,
            venue = bad == "long-venue" ? new string('v', 501) : null,
            videoLink = bad switch
            {
                "no-scheme" => "meet.example.org/icb",
                "javascript" => "javascript:alert(1)",
                "http" => "http://meet.example.org/icb",
                _ => "https://meet.example.org/icb",
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var count = 0;
        await app.WithDbAsync(async db => count = await db.Sessions.CountAsync(s => s.StrandId == strand.Id));
        Assert.Equal(1, count);
        var feed = await app.CreateAnonymousClient().GetAsync($"/calendars/strands/{strand.Slug}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(good.Uid, Assert.Single(Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events).Uid);
    }

    [SkippableFact]
    public async Task CreatingASession_OverFourteenLondonDaysAcrossTheClockChange_IsTakenAndTheFeedAnswers()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var strand = await SessionSeed.StrandAsync(app);

        // Fourteen London days, fourteen days and half an hour of real time with the October change: within the rule.
        var created = await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = "Autumn residential",
            type = "virtual-workshop",
            strand = strand.Slug,
            startLocal = "2027-10-18T00:00:00",
            endLocal = "2027-10-31T23:30:00",
            capacity = 25,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feed = await app.CreateAnonymousClient().GetAsync($"/calendars/strands/{strand.Slug}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    [SkippableFact]
    public async Task TheConfirmationEmailCarriesTheEventAsAnIcsFile()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 7, 9, 14, 0));
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];

        await BookAsync(app.CreateApiClient(Roles.PartnerStaff), session.Id, person.Id);

        var email = Assert.Single(await SessionSeed.EmailsToAsync(app, person.Email));
        Assert.Contains("Friday 9 July 2027, 14:00 to 16:00", email.TextBody);
        var ics = Assert.Single(email.Attachments);
        Assert.StartsWith("text/calendar", ics.ContentType);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.Content))!;
        var evt = Assert.Single(calendar.Events);
        Assert.Equal(session.Uid, evt.Uid);
        Assert.Equal(new DateTime(2027, 7, 9, 13, 0, 0, DateTimeKind.Utc), evt.Start!.AsUtc);
    }
}

public sealed class BookingApiTests_Sqlite(SqliteApp app) : BookingApiTests(app), IClassFixture<SqliteApp>;

public sealed class BookingApiTests_Postgres(PostgresApp app) : BookingApiTests(app), IClassFixture<PostgresApp>;
