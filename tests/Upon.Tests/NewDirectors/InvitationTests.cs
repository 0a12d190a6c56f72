using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.NewDirectors;

/// <summary>
/// Invitations for first-time directors, with the clock held at 2026-11-25 (the fixture's) and the runs made "as of" chosen
/// days: when they are created, sent, reminded and expired, and what accepting does.
/// </summary>
public abstract class InvitationTests(UponApp app)
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    [SkippableFact]
    public async Task RecordedBeforeTheStart_IsSentOnTheStartDate_NotBefore()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 12, 1));

        var invitation = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Pending, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 15), Today),
            (invitation.Status, invitation.SendOn, invitation.DueBy, invitation.RecordedOn));

        await InvitationSeed.RunAsync(app, new LocalDate(2026, 11, 30));
        Assert.Equal(InvitationStatus.Pending, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Status);
        Assert.Empty(await SessionSeed.EmailsToAsync(app, invitation.Person!.Email!));

        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 1));
        var sent = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Sent, new LocalDate(2026, 12, 1), 0), (sent.Status, sent.SentOn, sent.DaysToInvitation));
        Assert.Equal(["Your place on the New Directors programme"], (await SessionSeed.EmailsToAsync(app, sent.Email!)).Select(m => m.Subject));
    }

    [SkippableFact]
    public async Task RecordedOnOrAfterTheStart_IsSentAtOnce_AndCountsFromTheStartDate()
    {
        app.RequireDatabase();
        var onTheDay = await InvitationSeed.RecordAsync(app, start: Today);
        var late = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 11, 1), type: Upon.Core.Register.AppointmentType.Acting);

        await InvitationSeed.RunAsync(app, Today);

        var first = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, onTheDay));
        Assert.Equal((InvitationStatus.Sent, Today, 0), (first.Status, first.SentOn, first.DaysRecordedLate));
        var second = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, late));
        Assert.Equal((InvitationStatus.Sent, Today, new LocalDate(2026, 11, 15)), (second.Status, second.SendOn, second.DueBy));
        Assert.Equal((24, 24), (second.DaysToInvitation, second.DaysRecordedLate));
    }

    [SkippableFact]
    public async Task ChangingTheStartDate_MovesAPendingInvitation_SoItIsStillNeverSentBeforeTheStart()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 12, 1));
        var pending = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));

        await EditStartAsync(pending.AppointmentId!.Value, new LocalDate(2026, 12, 20));

        var moved = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Pending, new LocalDate(2026, 12, 20), new LocalDate(2026, 12, 20), new LocalDate(2027, 1, 3), Today),
            (moved.Status, moved.StartDate, moved.SendOn, moved.DueBy, moved.RecordedOn));
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 1));
        Assert.Equal(InvitationStatus.Pending, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Status);
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 20));
        var sent = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Sent, 0), (sent.Status, sent.DaysToInvitation));
    }

    [SkippableFact]
    public async Task ChangingWhichPostCameFirst_MovesThePendingInvitationToTheFirst_AndHistoryWithdrawsIt()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 12, 1));
        await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 12, 10), personId: person);
        var (first, second) = await app.WithScopeAsync(async s =>
        {
            var theirs = await s.GetRequiredService<UponDbContext>().Appointments.AsNoTracking().Where(a => a.Person!.PersonId == person).OrderBy(a => a.StartDate).Select(a => a.Id).ToListAsync();
            return (theirs[0], theirs[1]);
        });
        Assert.Equal(first, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).AppointmentId);

        // The first post now starts after the second: the second is their first post, and the invitation follows it.
        await EditStartAsync(first, new LocalDate(2026, 12, 15));
        var followed = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Pending, second, new LocalDate(2026, 12, 10), new LocalDate(2026, 12, 10), new LocalDate(2026, 12, 24)),
            (followed.Status, followed.AppointmentId, followed.StartDate, followed.SendOn, followed.DueBy));

        // Their first post now started more than six months before the register heard of it: history, so no invitation.
        await EditStartAsync(second, new LocalDate(2026, 4, 1));
        var withdrawn = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal(InvitationStatus.Withdrawn, withdrawn.Status);
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 15));
        Assert.Equal(InvitationStatus.Withdrawn, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Status);
    }

    private Task<bool> EditStartAsync(int appointmentId, LocalDate start) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<UponDbContext>();
        var appointment = await db.Appointments.AsNoTracking().Include(a => a.Person).SingleAsync(a => a.Id == appointmentId);
        var result = await s.GetRequiredService<Upon.Register.AppointmentService>().EditAsync(appointmentId, new Upon.Register.AppointmentChange(
            appointment.AuthorityCode, appointment.Person!.PersonId, appointment.Person.GivenName, appointment.Person.FamilyName, appointment.Person.Email,
            appointment.Type, start, appointment.EndDate, appointment.LeavingReason, appointment.Unplanned));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return true;
    });

    [SkippableFact]
    public async Task ASecondPost_History_AndAPostRecordedAfterItEnded_InviteNobody()
    {
        app.RequireDatabase();
        var mover = await InvitationSeed.RecordAsync(app, start: new LocalDate(2022, 5, 1), end: new LocalDate(2026, 10, 31));
        await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 11, 2), personId: mover);
        var longAgo = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 5, 20));
        var ended = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 9, 1), end: new LocalDate(2026, 11, 20));

        Assert.Empty(await InvitationSeed.InvitationsOfAsync(app, mover));
        Assert.Empty(await InvitationSeed.InvitationsOfAsync(app, longAgo));
        Assert.Empty(await InvitationSeed.InvitationsOfAsync(app, ended));
    }

    [SkippableFact]
    public async Task WithoutAnEmail_ItWaits_AndIsNotSent()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 11, 20), email: null);

        var result = await InvitationSeed.RunAsync(app, Today);

        Assert.True(result.WithoutEmail >= 1);
        var invitation = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Pending, (LocalDate?)null), (invitation.Status, invitation.SentOn));
    }

    [SkippableFact]
    public async Task RemindersGoOnDays7And14_ThenTheLinkExpiresAfter28Days()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 12, 1));
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 1));
        var email = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Email!;
        async Task<string[]> Subjects() => [.. (await SessionSeed.EmailsToAsync(app, email)).Select(m => m.Subject)];

        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 7));
        Assert.Single(await Subjects());
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 8));
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 8));
        Assert.Equal("Reminder: your place on the New Directors programme", (await Subjects())[^1]);
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 15));
        Assert.Equal(["Your place on the New Directors programme", "Reminder: your place on the New Directors programme", "Last reminder: your place on the New Directors programme"], await Subjects());
        var secret = await InvitationSeed.SecretFromEmailAsync(app, email);
        var reminders = (await SessionSeed.EmailsToAsync(app, email)).Skip(1);
        Assert.All(reminders, m => Assert.Contains($"/invitations/{secret}", m.TextBody));

        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 28));
        Assert.Equal(InvitationStatus.Sent, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Status);
        await InvitationSeed.RunAsync(app, new LocalDate(2026, 12, 29));
        Assert.Equal(InvitationStatus.Expired, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Status);
        Assert.Equal(3, (await Subjects()).Length);
    }

    [SkippableFact]
    public async Task Accepting_CreatesTheAccountAndA24MonthEnrolment_AndTheLinkThenStopsWorking()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 11, 16));
        await InvitationSeed.RunAsync(app, Today);
        var email = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Email!;
        var secret = await InvitationSeed.SecretFromEmailAsync(app, email);
        var client = app.CreateAnonymousClient();
        var page = await client.GetDocumentAsync($"/invitations/{secret}");
        Assert.Contains(email, page.QuerySelector("main")!.TextContent);

        var accepted = await client.PostFormAsync($"/invitations/{secret}", new Dictionary<string, string>(), $"/invitations/{secret}?handler=Accept");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/account/set-password?token=", accepted.Headers.Location?.OriginalString);
        await app.WithScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal([Roles.Participant], await s.GetRequiredService<UserManager<UponUser>>().GetRolesAsync(user));
            var participant = await s.GetRequiredService<UponDbContext>().Participants.Include(p => p.Enrolments).ThenInclude(e => e.Strand).SingleAsync(p => p.UserId == user.Id);
            var enrolment = Assert.Single(participant.Enrolments);
            Assert.Equal(("new-directors", Today, new LocalDate(2028, 11, 24), EnrolmentStatus.Enrolled), (enrolment.Strand!.Slug, enrolment.StartsOn, enrolment.EndsOn, enrolment.Status));
            return true;
        });
        Assert.Equal(InvitationStatus.Accepted, Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Status);
        var again = await client.GetDocumentAsync($"/invitations/{secret}");
        Assert.Contains("already accepted", again.QuerySelector("#closed")!.TextContent);
        Assert.Null(again.QuerySelector("#accept"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/invitations/not-a-real-secret")).StatusCode);
    }

    [SkippableFact]
    public async Task Declining_RecordsTheReason()
    {
        app.RequireDatabase();
        var person = await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 11, 23));
        await InvitationSeed.RunAsync(app, Today);
        var email = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person)).Email!;
        var secret = await InvitationSeed.SecretFromEmailAsync(app, email);

        var declined = await Html.ParseAsync(await app.CreateAnonymousClient().PostFormAsync($"/invitations/{secret}", new Dictionary<string, string> { ["Reason"] = "Not now: ask me in six months" }, $"/invitations/{secret}?handler=Decline"));

        Assert.NotNull(declined.QuerySelector("#declined"));
        var invitation = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
        Assert.Equal((InvitationStatus.Declined, "Not now: ask me in six months", Today), (invitation.Status, invitation.DeclineReason, invitation.AnsweredOn));
    }

    [SkippableFact]
    public async Task TwoRunsAtOnce_SendEachInvitationOnce()
    {
        app.RequireDatabase();
        var people = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            people.Add(await InvitationSeed.RecordAsync(app, start: new LocalDate(2026, 11, 24)));
        }
        var runner = app.Services.GetRequiredService<InvitationRunner>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => runner.RunAsync(Today))));

        foreach (var person in people)
        {
            var invitation = Assert.Single(await InvitationSeed.InvitationsOfAsync(app, person));
            Assert.Equal((InvitationStatus.Sent, 1), (invitation.Status, invitation.Sends));
            Assert.Single(await SessionSeed.EmailsToAsync(app, invitation.Email!));
        }
        Assert.True(results.Sum(r => r.Sent) >= people.Count);
    }
}

public sealed class InvitationTests_Sqlite(SqliteApp app) : InvitationTests(app), IClassFixture<SqliteApp>;

public sealed class InvitationTests_Postgres(PostgresApp app) : InvitationTests(app), IClassFixture<PostgresApp>;
