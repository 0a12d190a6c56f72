using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Aspirants.Apply;
using Upon.Aspirants.CohortYear;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.CohortYear;

/// <summary>
/// Completion as configuration (<c>Aspirants:Completion:MinTaughtDays</c>, 6 of 8 by default): attendance at the taught
/// days decides it once they are all over; staff see it, the participant's record shows it, and it is the funnel's
/// <c>completed</c> stage.
/// </summary>
public abstract class CompletionTests(UponApp app)
{
    private static readonly LocalDate[] TaughtDays =
    [
        new(2026, 12, 1), new(2026, 12, 3), new(2026, 12, 8), new(2026, 12, 10), new(2026, 12, 15), new(2026, 12, 17), new(2027, 1, 5), new(2027, 1, 7),
    ];

    [SkippableFact]
    public async Task AttendanceAtTheTaughtDays_DecidesCompletion_ShownToStaff_OnTheRecord_AndInTheFunnel()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var now = app.Clock.GetCurrentInstant();
        var cohort = new AspirantCohort { Name = $"C-{batch}", Places = 3, CreatedAt = now, DecisionsReleasedAt = now };
        cohort.TaughtDays.AddRange(TaughtDays.Select(d => new AspirantTaughtDay { Date = d }));
        cohort.Criteria.Add(new AspirantCriterion { Name = "Leadership", Weight = 1, Order = 1 });
        var applications = Enumerable.Range(1, 3).Select(i => new AspirantApplication
        {
            ApplicationId = $"{batch}-{i}", Email = $"p{i}.{batch}@complete.test", GivenName = $"Given{i}", FamilyName = $"Complete{batch}",
            Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = now, Outcome = SelectionOutcome.Selected,
            Offer = OfferStatus.Offered, OfferedAt = now, OfferDeadline = now + Duration.FromDays(14),
        }).ToList();
        cohort.Applications.AddRange(applications);
        await app.WithDbAsync(async db => { db.AspirantCohorts.Add(cohort); await db.SaveChangesAsync(); });
        var participants = new List<int>();
        foreach (var application in applications)
        {
            var accepted = await app.WithScopeAsync(s => s.GetRequiredService<OfferResponse>().AcceptAsync(application.Id));
            Assert.Equal(8, accepted!.Booked);
            participants.Add(accepted.Participant.Id);
        }

        // Attended 6 (completes), 5 (does not), and 8 with one late and one leaving early (completes); absences never count.
        AttendanceMark[][] marks =
        [
            [.. Enumerable.Repeat(AttendanceMark.Present, 6), AttendanceMark.Absent, AttendanceMark.Excused],
            [.. Enumerable.Repeat(AttendanceMark.Present, 5), AttendanceMark.Absent, AttendanceMark.Absent, AttendanceMark.Absent],
            [.. Enumerable.Repeat(AttendanceMark.Present, 6), AttendanceMark.Late, AttendanceMark.LeftEarly],
        ];
        await app.WithDbAsync(async db =>
        {
            var programme = (await db.AspirantCohorts.AsNoTracking().SingleAsync(c => c.Id == cohort.Id)).ProgrammeCohortId;
            var sessions = await db.Sessions.Where(s => s.CohortId == programme && s.Type == SessionType.TaughtDay).OrderBy(s => s.StartUtc).Select(s => s.Id).ToListAsync();
            for (var p = 0; p < 3; p++)
            {
                for (var d = 0; d < 8; d++)
                {
                    db.AttendanceRecords.Add(new AttendanceRecord { SessionId = sessions[d], ParticipantId = participants[p], Mark = marks[p][d], Source = AttendanceSource.Register, RecordedAt = now });
                }
            }
            await db.SaveChangesAsync();
        });

        // The first participant is the test participant account, to follow their coaching request.
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var user = await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Upon.Accounts.UponUser>>().FindByEmailAsync(UponApp.EmailFor(Upon.Shared.Security.Roles.Participant));
            (await db.Participants.SingleAsync(p => p.Id == participants[0])).UserId = user!.Id;
            return await db.SaveChangesAsync();
        });
        var participant = app.CreateClient(Upon.Shared.Security.Roles.Participant);
        var runner = app.Services.GetRequiredService<EndorsementRunner>();
        var admin = app.CreateClient();
        try
        {
            // Before the last taught day has ended nothing is recorded.
            app.Clock.Reset(Instant.FromUtc(2027, 1, 7, 17, 0));
            await runner.RunAsync();
            await app.WithDbAsync(async db => Assert.All(await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohort.Id).ToListAsync(), a => Assert.Null(a.Completed)));
            var pending = await admin.GetDocumentAsync($"/aspirants/{cohort.Id}/participants");
            Assert.Contains("Not yet known", pending.QuerySelector($"#participant-{applications[0].Id}")!.TextContent, StringComparison.Ordinal);
            // Coaching is for after the taught days.
            Assert.NotNull((await participant.GetDocumentAsync("/my/coaching-request")).QuerySelector("#not-due"));

            app.Clock.Reset(Instant.FromUtc(2027, 1, 8, 9, 0));
            Assert.True((await runner.RunAsync()).Completed >= 3);
            await app.WithDbAsync(async db =>
            {
                var completed = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohort.Id).ToDictionaryAsync(a => a.Id, a => a.Completed);
                Assert.Equal([true, false, true], applications.Select(a => completed[a.Id]));
            });
            // The day after the last taught day the participant can ask for a coach, from their home page.
            Assert.Equal("/my/coaching-request", (await participant.GetDocumentAsync("/")).QuerySelector("#coaching-request-link")!.GetAttribute("href"));
            Assert.NotNull((await participant.GetDocumentAsync("/my/coaching-request")).QuerySelector("#start"));
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }

        var page = await admin.GetDocumentAsync($"/aspirants/{cohort.Id}/participants");
        Assert.Contains("at least 6 of the 8 taught days", page.QuerySelector("#rule")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Aspirants:Completion:MinTaughtDays", page.QuerySelector("#rule")!.TextContent, StringComparison.Ordinal);
        var rows = applications.Select(a => page.QuerySelector($"#participant-{a.Id}")!.TextContent).ToList();
        Assert.Contains("6 of 8", rows[0], StringComparison.Ordinal);
        Assert.Contains("Completed", rows[0], StringComparison.Ordinal);
        Assert.Contains("5 of 8", rows[1], StringComparison.Ordinal);
        Assert.Contains("Not completed", rows[1], StringComparison.Ordinal);
        Assert.Contains("8 of 8", rows[2], StringComparison.Ordinal);

        var record = await admin.GetDocumentAsync($"/participants/{participants[1]}");
        Assert.Contains($"Aspirant Directors {cohort.Name}", record.QuerySelector("#programme-record")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Attended 5 of 8 taught days (6 needed to complete): not completed", record.QuerySelector("#programme-record")!.TextContent, StringComparison.Ordinal);

        var funnel = await app.WithScopeAsync(s => s.GetRequiredService<AspirantFunnel>().LoadAsync(cohort.Id, "test"));
        Assert.Equal(3, funnel.Count(FunnelStages.Accepted));
        Assert.Equal(2, funnel.Count(FunnelStages.Completed));

        // The cohort's own rule wins over the setting: staff set five, and the page says so.
        var settings = $"/aspirants/{cohort.Id}";
        var form = (await admin.GetDocumentAsync(settings)).QuerySelectorAll("form input[name], form textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "hidden"))
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent);
        form["CompletionMinTaughtDays"] = "9";
        var tooMany = await Html.ParseAsync(await admin.PostFormAsync(settings, form));
        Assert.Contains(tooMany.ErrorSummary(), e => e.StartsWith("Taught days attended to complete must be from 0 to the number of taught days (8)", StringComparison.Ordinal));
        form["CompletionMinTaughtDays"] = "5";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await admin.PostFormAsync(settings, form)).StatusCode);
        Assert.Contains("at least 5 of the 8 taught days (this cohort's own rule)", (await admin.GetDocumentAsync($"/aspirants/{cohort.Id}/participants")).QuerySelector("#rule")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class CompletionTests_Sqlite(SqliteApp app) : CompletionTests(app), IClassFixture<SqliteApp>;

public sealed class CompletionTests_Postgres(PostgresApp app) : CompletionTests(app), IClassFixture<PostgresApp>;
