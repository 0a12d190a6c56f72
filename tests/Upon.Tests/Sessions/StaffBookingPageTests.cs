using System.Net;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>Staff booking people on their behalf, and cancelling for them, from a session's places page.</summary>
public abstract class StaffBookingPageTests(UponApp app)
{
    [SkippableFact]
    public async Task StaffBookOnSomeonesBehalf_ThenCancel_AndTheFirstWaitingGetsTheSeat()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        var client = app.CreateClient(Roles.PartnerStaff);
        var page = $"/sessions/{session.Id}/bookings";

        var missing = await Html.ParseAsync(await client.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Book"));
        Assert.Equal(["Select who to book"], missing.ErrorSummary());
        foreach (var person in people)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, new Dictionary<string, string> { ["ParticipantId"] = person.Id.ToString() }, $"{page}?handler=Book")).StatusCode);
        }
        var listed = await client.GetDocumentAsync(page);
        Assert.NotNull(listed.QuerySelector($"#booked tr[data-participant-id='{people[0].Id}']"));
        Assert.NotNull(listed.QuerySelector($"#waiting tr[data-participant-id='{people[1].Id}']"));

        var cancelled = await client.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Cancel&participantId={people[0].Id}");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var bookings = await SessionSeed.BookingsAsync(app, session.Id);
        Assert.Equal(BookingStatus.Cancelled, bookings.Single(b => b.ParticipantId == people[0].Id).Status);
        Assert.Equal(BookingStatus.Booked, bookings.Single(b => b.ParticipantId == people[1].Id).Status);
        Assert.Contains("A place is yours", (await SessionSeed.EmailsToAsync(app, people[1].Email)).Last().Subject);
    }
}

public sealed class StaffBookingPageTests_Sqlite(SqliteApp app) : StaffBookingPageTests(app), IClassFixture<SqliteApp>;

public sealed class StaffBookingPageTests_Postgres(PostgresApp app) : StaffBookingPageTests(app), IClassFixture<PostgresApp>;
