using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.NewDirectors;

/// <summary>
/// <c>upon invitations run</c> as operators use it, delivering through a real SMTP server on loopback: two runs at once,
/// and a run killed midway then started again, still send each invitation once.
/// </summary>
public abstract class InvitationRunCommandTests(SmtpApp app)
{
    private Dictionary<string, string> MailSettings => new()
    {
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = app.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__Smtp__UseStartTls"] = "false",
        ["Email__BatchSize"] = "3",
        ["Email__LeaseSeconds"] = "30",
        ["Email__Smtp__TimeoutSeconds"] = "5",
        ["NewDirectors__InvitationRunMinutes"] = "0",
    };

    private async Task<List<string>> DirectorsStartingAsync(int count, LocalDate start)
    {
        var people = new List<string>();
        for (var i = 0; i < count; i++)
        {
            people.Add(await InvitationSeed.RecordAsync(app, start));
        }
        return people;
    }

    private async Task<List<DirectorInvitation>> InvitationsAsync(IEnumerable<string> people)
    {
        var ids = people.ToList();
        return await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().DirectorInvitations.AsNoTracking().Include(i => i.Person)
            .Where(i => ids.Contains(i.Person!.PersonId)).ToListAsync());
    }

    /// <summary>Each invitation arrived once: one message, identified by its Message-Id, per address.</summary>
    private void AssertEachArrivedOnce(IEnumerable<DirectorInvitation> invitations)
    {
        foreach (var invitation in invitations)
        {
            var received = app.Smtp.To(invitation.Email!);
            Assert.Single(received.Select(m => m.Message.MessageId).Distinct());
            Assert.Single(received);
            Assert.Equal("Your place on the New Directors programme", received[0].Message.Subject);
        }
    }

    /// <summary>
    /// Ends the leases the killed run held on the messages it had claimed, as their lapsing 30 seconds later would (that a
    /// lapsed claim is sent by the next sender is <c>OutboxSmtpTests</c>' to show, on a clock it moves); fails if it held none.
    /// </summary>
    private async Task LapseTheKilledRunsLeasesAsync()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var lapsed = now - Duration.FromSeconds(1);
        var held = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages
            .Where(m => m.SentAt == null && m.LockedUntil != null && m.LockedUntil >= now)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, lapsed)));
        Assert.True(held > 0, "The killed run held no lease on a message, so the restarted run could not be tested.");
    }

    [SkippableFact]
    public async Task TwoRunsAtOnce_DeliverEachInvitationOnce()
    {
        app.RequireDatabase();
        var people = await DirectorsStartingAsync(10, new LocalDate(2026, 11, 23));

        var runs = await Task.WhenAll(
            UponCli.RunWithAsync(app.Database, MailSettings, "invitations", "run", "--as-of", "2026-11-25"),
            UponCli.RunWithAsync(app.Database, MailSettings, "invitations", "run", "--as-of", "2026-11-25"));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var invitations = await InvitationsAsync(people);
        Assert.All(invitations, i => Assert.Equal((InvitationStatus.Sent, 1), (i.Status, i.Sends)));
        AssertEachArrivedOnce(invitations);
    }

    [SkippableFact]
    public async Task ARunKilledMidway_ThenRunAgain_DeliversEachInvitationOnce()
    {
        app.RequireDatabase();
        var people = await DirectorsStartingAsync(24, new LocalDate(2026, 11, 24));
        var addresses = (await InvitationsAsync(people)).Select(i => i.Person!.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The server accepts the first invitation and then holds the next one unanswered, so the run is killed in the
        // middle of a send: the first is delivered and marked sent, the one in flight was never accepted.
        app.Smtp.AcceptOnly(1);
        try
        {
            using var first = UponCli.Start(app.Database, MailSettings, "invitations", "run", "--as-of", "2026-11-25");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!first.HasExited && DateTime.UtcNow < deadline && app.Smtp.Held == 0)
            {
                await Task.Delay(20);
            }
            Assert.True(app.Smtp.Held > 0, first.HasExited ? "The first run ended before it was stopped midway." : "The first run never reached its second send.");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        finally
        {
            app.Smtp.AcceptAll();
        }
        var delivered = app.Smtp.Received.Count(m => m.To.Any(addresses.Contains));
        // Messages the killed run had claimed stay with it until its 30-second lease lapses; then anyone may send them.
        await LapseTheKilledRunsLeasesAsync();

        var second = await UponCli.RunWithAsync(app.Database, MailSettings, "invitations", "run", "--as-of", "2026-11-25");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, delivered);
        var invitations = await InvitationsAsync(people);
        Assert.All(invitations, i => Assert.Equal((InvitationStatus.Sent, 1), (i.Status, i.Sends)));
        AssertEachArrivedOnce(invitations);
    }
}

public sealed class InvitationRunCommandTests_Sqlite(SmtpSqliteApp app) : InvitationRunCommandTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class InvitationRunCommandTests_Postgres(SmtpPostgresApp app) : InvitationRunCommandTests(app), IClassFixture<SmtpPostgresApp>;
