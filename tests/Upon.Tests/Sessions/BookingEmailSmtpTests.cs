using System.Net.Http.Json;
using Ical.Net;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Email;

namespace Upon.Tests.Sessions;

/// <summary>Booking emails delivered through a real SMTP server on loopback, each exactly once, with the event attached.</summary>
public abstract class BookingEmailSmtpTests(SmtpApp app)
{
    [SkippableFact]
    public async Task ABookingConfirmation_ArrivesOnce_WithTheEventAsAnIcsAttachment()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 1, 15, 14, 0), title: "Safeguarding partnerships");
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var staff = app.CreateApiClient(Roles.PartnerStaff);

        await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/bookings", new { participantId = person.Id });
        // Booking the same person again changes nothing and so sends nothing.
        await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/bookings", new { participantId = person.Id });
        await app.Sender().SendDueAsync();
        await app.Sender().SendDueAsync();

        var mail = Assert.Single(app.Smtp.To(person.Email));
        Assert.Equal("Booked: Safeguarding partnerships", mail.Message.Subject);
        Assert.Contains("Friday 15 January 2027, 14:00 to 16:00", mail.Message.TextBody);
        var attachment = Assert.IsType<MimeKit.TextPart>(Assert.Single(mail.Message.Attachments));
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        var evt = Assert.Single(Calendar.Load(attachment.Text)!.Events);
        Assert.Equal(session.Uid, evt.Uid);
        Assert.Equal(new DateTime(2027, 1, 15, 14, 0, 0, DateTimeKind.Utc), evt.Start!.AsUtc);
    }
}

public sealed class BookingEmailSmtpTests_Sqlite(SmtpSqliteApp app) : BookingEmailSmtpTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class BookingEmailSmtpTests_Postgres(SmtpPostgresApp app) : BookingEmailSmtpTests(app), IClassFixture<SmtpPostgresApp>;
