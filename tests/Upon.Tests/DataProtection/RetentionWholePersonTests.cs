using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Aspirants;
using Upon.Audit;
using Upon.Coaching;
using Upon.Data;
using Upon.DataProtection;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// A retention rule that erases a person kept nowhere else (a retired coach) also does what an erasure on request does
/// to their account and their lines in the audit log: the account is deleted and the log's actor is a pseudonym. A person
/// still kept under the address (in the register, as staff, or just sent a link to set a password) keeps both; a dry run
/// changes nothing.
/// </summary>
public abstract class RetentionWholePersonTests(UponApp app)
{
    private static readonly Instant March2026 = Instant.FromUtc(2026, 3, 1, 12, 0);

    /// <summary>Retired on 1 March 2026 with nothing since: due on 2 March 2032.</summary>
    private static readonly LocalDate FirstDayDue = new(2032, 3, 2);

    private sealed record Someone(string Email, string UserId, long AuditLine);

    private async Task<Someone> CoachAsync(string tag, string name, string role, bool inRegister = false, bool invitedJustNow = false)
    {
        var email = $"{name}.{tag}@coach.test";
        var user = invitedJustNow
            ? (await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().InviteAsync(email, role, $"{name} {tag}"))).User!
            : await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync(email, role, UponApp.Password, $"{name} {tag}"));
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            db.CoachProfiles.Add(new CoachProfile { Email = email, GivenName = name, FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = March2026, Status = CoachStatus.Retired });
            if (invitedJustNow)
            {
                // Sent in the days before the run (the run acts as of a day years after the fake clock's).
                var link = await db.AccountInvitations.SingleAsync(i => i.UserId == user.Id);
                link.ExpiresAt = FirstDayDue.PlusDays(7).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            }
            if (inRegister)
            {
                db.People.Add(new Person { PersonId = $"WP-{tag}-{name}", GivenName = name, FamilyName = $"Coach{tag}", Email = email });
            }
            var line = new AuditEvent { At = March2026, UserId = user.Id, Actor = email, Action = AuditActions.Updated, EntityType = nameof(CoachProfile), Detail = "their own profile" };
            db.AuditEvents.Add(line);
            await db.SaveChangesAsync();
            return new Someone(email, user.Id, line.Id);
        });
    }

    private Task<RetentionReport> RunAsync(LocalDate asOf, bool dryRun = false) =>
        app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync(asOf, dryRun));

    private Task<(bool Account, AuditEvent Line)> StateAsync(Someone someone) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<UponDbContext>();
        var account = await db.Users.AnyAsync(u => u.Id == someone.UserId);
        return (account, await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == someone.AuditLine));
    });

    [SkippableFact]
    public async Task ARetiredCoachKeptNowhereElse_LosesTheirAccountAndTheirAddressInTheAuditLog()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var gone = await CoachAsync(tag, "gone", Roles.Coach);

        var dry = await RunAsync(FirstDayDue, dryRun: true);
        Assert.Contains(dry.Due, d => d.StartsWith("Coaches who left the pool: ", StringComparison.Ordinal));
        var (account, line) = await StateAsync(gone);
        Assert.True(account);
        Assert.Equal(gone.Email, line.Actor);
        Assert.Equal(gone.UserId, line.UserId);
        Assert.Null(line.ShreddedAt);

        var run = await RunAsync(FirstDayDue);
        Assert.Contains(run.Done, d => d.StartsWith("Coaches who left the pool: ", StringComparison.Ordinal) && d.Contains("accounts erased", StringComparison.Ordinal));
        (account, line) = await StateAsync(gone);
        Assert.False(account);
        Assert.StartsWith("Erased ", line.Actor, StringComparison.Ordinal);
        Assert.NotEqual(gone.UserId, line.UserId);
        Assert.NotNull(line.ShreddedAt);
        await app.WithDbAsync(async db =>
        {
            var lower = gone.Email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Actor.ToLower() == lower || e.UserId == gone.UserId));
            Assert.False(await db.Users.AnyAsync(u => u.Email != null && u.Email.ToLower() == lower));
#pragma warning restore CA1862
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == gone.UserId));
            // The coach's profile and the audit line share the pseudonym, as on an erasure on request.
            var pseudonym = line.Actor["Erased ".Length..];
            Assert.True(await db.CoachProfiles.AnyAsync(c => c.Email == $"erased-{pseudonym.ToLowerInvariant()}@erased.invalid"));
        });
    }

    [SkippableFact]
    public async Task ARetiredCoachStillKeptUnderTheirAddress_KeepsTheirAccountAndTheirAuditLines()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        // In the register, which is kept while the register is kept; a member of staff, kept by their work; and someone
        // just sent a link to set their password, given the account for a role to come.
        var director = await CoachAsync(tag, "director", Roles.Coach, inRegister: true);
        var staff = await CoachAsync(tag, "staff", Roles.PartnerStaff);
        var invited = await CoachAsync(tag, "invited", Roles.Coach, invitedJustNow: true);

        var run = await RunAsync(FirstDayDue);
        Assert.Contains(run.Done, d => d.StartsWith("Coaches who left the pool: ", StringComparison.Ordinal));
        foreach (var kept in new[] { director, staff, invited })
        {
            var (account, line) = await StateAsync(kept);
            Assert.True(account);
            Assert.Equal(kept.Email, line.Actor);
            Assert.Equal(kept.UserId, line.UserId);
            Assert.Null(line.ShreddedAt);
            await app.WithDbAsync(async db =>
                Assert.False(await db.CoachProfiles.AnyAsync(c => c.Email == kept.Email), "the coach profile itself is erased by the rule"));
        }
    }

    [SkippableFact]
    public async Task AReviewerKeptNowhereElse_LosesTheirAccount_ButAReviewerWhoIsStaffKeepsTheirs()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        async Task<Someone> ReviewerAsync(string name, string role)
        {
            var email = $"{name}.{tag}@reviewer.test";
            var user = await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync(email, role, UponApp.Password, $"{name} {tag}"));
            return await app.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<UponDbContext>();
                db.AspirantReviewers.Add(new AspirantReviewer { Email = email, GivenName = name, FamilyName = $"Reviewer{tag}", CreatedAt = March2026, UserId = user.Id });
                var line = new AuditEvent { At = March2026, UserId = user.Id, Actor = email, Action = AuditActions.Viewed, EntityType = nameof(AspirantApplication), Detail = "an application" };
                db.AuditEvents.Add(line);
                await db.SaveChangesAsync();
                return new Someone(email, user.Id, line.Id);
            });
        }
        var coach = await ReviewerAsync("coaching", Roles.Coach);
        var staff = await ReviewerAsync("partner", Roles.PartnerStaff);

        var run = await RunAsync(FirstDayDue);
        Assert.Contains(run.Done, d => d.StartsWith("Reviewers who no longer review: ", StringComparison.Ordinal));
        var (account, line) = await StateAsync(coach);
        Assert.False(account);
        Assert.StartsWith("Erased ", line.Actor, StringComparison.Ordinal);
        (account, line) = await StateAsync(staff);
        Assert.True(account);
        Assert.Equal(staff.Email, line.Actor);
    }
}

public sealed class RetentionWholePersonTests_Sqlite(SqliteApp app) : RetentionWholePersonTests(app), IClassFixture<SqliteApp>;

public sealed class RetentionWholePersonTests_Postgres(PostgresApp app) : RetentionWholePersonTests(app), IClassFixture<PostgresApp>;
