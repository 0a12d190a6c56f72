using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Aspirants.Apply;
using Upon.Core;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.CohortYear;

/// <summary>
/// The endorsing director's reminders, sent by the Aspirant Directors run on the fake clock: a week after the request,
/// two days before the due day, at most three, each once however often the run goes, never after the due day, and none
/// once the director has answered. Each reminder carries the request's own link.
/// </summary>
public abstract class EndorsementReminderTests(UponApp app)
{
    private async Task<(string Director, string Answered)> SeedAsync(LocalDate due)
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        var director = $"director.{batch}@endorse.test";
        var answered = $"answered.{batch}@endorse.test";
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var endorsements = s.GetRequiredService<Endorsements>();
            var now = app.Clock.GetCurrentInstant();
            var cohort = new AspirantCohort { Name = $"E-{batch}", Places = 5, OpensAt = now - Duration.FromDays(30), ClosesAt = now, CreatedAt = now };
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            foreach (var (email, i) in new[] { (director, 1), (answered, 2) })
            {
                var application = new AspirantApplication
                {
                    CohortId = cohort.Id, ApplicationId = $"{batch}-{i}", Email = $"applicant{i}.{batch}@endorse.test", GivenName = "Ada", FamilyName = $"Reminded{i}",
                    EndorserName = "Dr Grace Mensah", EndorserEmail = email, Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = now,
                };
                db.AspirantApplications.Add(application);
                var link = endorsements.Request(application, due);
                ApplyEmails.EndorsementRequest(db, application, cohort, "Another council", due, link);
                if (i == 2)
                {
                    application.Endorsement!.Endorsed = true;
                    application.Endorsement.Statement = "Yes.";
                    application.Endorsement.RespondedAt = now;
                }
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return (director, answered);
    }

    private async Task<List<Upon.Email.OutboxMessage>> RemindersToAsync(string email) =>
        [.. (await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync()))
            .Where(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal))];

    [SkippableFact]
    public async Task Reminders_GoOnceEach_BeforeTheDueDay_AtMostThree_NotToThoseWhoAnswered()
    {
        app.RequireDatabase();
        var today = app.Clock.TodayInLondon();
        var due = today.PlusDays(14);
        var (director, answered) = await SeedAsync(due);
        var runner = app.Services.GetRequiredService<EndorsementRunner>();
        var request = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.To == director));
        var link = request.TextBody.Split('\n').Single(l => l.Contains("/aspirants/endorse/", StringComparison.Ordinal));

        // Day by day to two days after the due day, the run going twice each day: reminders on days 7, 12 and 14.
        var sentOn = new List<int>();
        try
        {
            for (var day = 0; day <= 16; day++)
            {
                if (day > 0) app.Clock.Advance(Duration.FromDays(1));
                var before = (await RemindersToAsync(director)).Count;
                await runner.RunAsync();
                await runner.RunAsync();
                var after = (await RemindersToAsync(director)).Count;
                Assert.True(after - before <= 1, $"day {day}: {after - before} reminders");
                if (after > before) sentOn.Add(day);
            }
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }
        Assert.Equal([7, 12, 14], sentOn);
        var reminders = await RemindersToAsync(director);
        Assert.All(reminders, r =>
        {
            Assert.Contains(link, r.TextBody, StringComparison.Ordinal);
            Assert.Contains($"It is due by {ApplyEmails.Format(due)}", r.TextBody, StringComparison.Ordinal);
            Assert.True(r.CreatedAt.InZone(Time.London).Date <= due);
        });
        Assert.Empty(await RemindersToAsync(answered));
    }
}

public sealed class EndorsementReminderTests_Sqlite(SqliteApp app) : EndorsementReminderTests(app), IClassFixture<SqliteApp>;

public sealed class EndorsementReminderTests_Postgres(PostgresApp app) : EndorsementReminderTests(app), IClassFixture<PostgresApp>;
