using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Aspirants;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.CohortYear;

/// <summary><c>upon aspirants run</c> through the real command line: an overdue offer expires and its place is offered on, by email over SMTP.</summary>
public abstract class AspirantsRunCommandTests(SmtpApp app)
{
    [SkippableFact]
    public async Task TheCommand_ExpiresAnOverdueOffer_AndOffersThePlaceOnBySmtp()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        // The command runs on the real clock.
        var now = SystemClock.Instance.GetCurrentInstant();
        var waiting = OutboxTesting.Address("waiting");
        var cohort = new AspirantCohort { Name = $"R-{batch}", Places = 1, CreatedAt = now, DecisionsReleasedAt = now - Duration.FromDays(20) };
        cohort.Applications.Add(new AspirantApplication
        {
            ApplicationId = $"{batch}-1", Email = OutboxTesting.Address("overdue"), GivenName = "Olu", FamilyName = "Overdue", Status = ApplicationStatus.Submitted, CreatedAt = now,
            Outcome = SelectionOutcome.Selected, Offer = OfferStatus.Offered, OfferedAt = now - Duration.FromDays(20), OfferDeadline = now - Duration.FromDays(6),
        });
        cohort.Applications.Add(new AspirantApplication
        {
            ApplicationId = $"{batch}-2", Email = waiting, GivenName = "Wren", FamilyName = "Waiting", Status = ApplicationStatus.Submitted, CreatedAt = now,
            Outcome = SelectionOutcome.Waiting, WaitingPosition = 1,
        });
        await app.WithDbAsync(async db => { db.AspirantCohorts.Add(cohort); await db.SaveChangesAsync(); });
        var settings = new Dictionary<string, string>
        {
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = app.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__UseStartTls"] = "false",
            ["Aspirants__EndorsementRunMinutes"] = "0",
        };
        var run = await UponCli.RunWithAsync(app.Database, settings, "aspirants", "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^[0-9]+ endorsement reminders, 1 offers expired, [0-9]+ completions recorded\.", run.Output);
        var offer = Assert.Single(app.Smtp.To(waiting));
        Assert.Contains($"/aspirants/apply/{cohort.Name}/offer", offer.Message.TextBody, StringComparison.Ordinal);

        var again = await UponCli.RunWithAsync(app.Database, settings, "aspirants", "run");
        Assert.Matches(@"^[0-9]+ endorsement reminders, 0 offers expired", again.Output);
        await app.WithDbAsync(async db => Assert.Equal(OfferStatus.Offered, (await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Email == waiting)).Offer));
    }
}

public sealed class AspirantsRunCommandSqliteTests(SmtpSqliteApp app) : AspirantsRunCommandTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class AspirantsRunCommandPostgresTests(SmtpPostgresApp app) : AspirantsRunCommandTests(app), IClassFixture<SmtpPostgresApp>;
