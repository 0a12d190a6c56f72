using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Data;
using Upon.DataProtection;
using Upon.Email;
using Upon.Sessions;
using Upon.Shared.Privacy;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// A person's data is found and erased by their whole address and whole name only: Ann (ann.X@example.org, "AnnX Lee")
/// and Jo (joann.X@example.org, "AnnX Leeson") share a prefix, and neither Ann's download nor Ann's erasure touches Jo.
/// </summary>
public abstract class WholeAddressTests(UponApp app)
{
    private sealed record People(string Ann, string Jo, string Given, int JoParticipant);

    private async Task<People> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ann = $"ann.{tag}@example.org";
        var jo = $"jo{ann}";
        var given = $"Ann{tag}";
        var joParticipant = 0;
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var accounts = s.GetRequiredService<AccountService>();
            var now = app.Clock.GetCurrentInstant();
            var annUser = await accounts.CreateWithPasswordAsync(ann, Roles.Participant, UponApp.Password, $"{given} Lee");
            var joUser = await accounts.CreateWithPasswordAsync(jo, Roles.Participant, UponApp.Password, $"{given} Leeson");
            db.Participants.Add(new Participant { GivenName = given, FamilyName = "Lee", Email = ann, UserId = annUser.Id, CreatedAt = now });
            var joRecord = new Participant { GivenName = given, FamilyName = "Leeson", Email = jo, UserId = joUser.Id, CreatedAt = now };
            db.Participants.Add(joRecord);
            db.OutboxMessages.Add(new OutboxMessage { To = ann, Subject = "Your booking", TextBody = $"Dear {given}, you are booked.", CreatedAt = now, NextAttemptAt = now });
            db.OutboxMessages.Add(new OutboxMessage { To = $"staff.{tag}@example.org, {ann}", Subject = "Booked together", TextBody = "Both of you are booked.", CreatedAt = now, NextAttemptAt = now });
            db.OutboxMessages.Add(new OutboxMessage { To = jo, Subject = "Reset your password", TextBody = $"Reset it at https://upon.test/account/reset?token=jo-secret-{tag}", CreatedAt = now, NextAttemptAt = now });
            db.OutboxMessages.Add(new OutboxMessage { To = $"{jo}, staff.{tag}@example.org", Subject = "Booked together", TextBody = $"jo-booked-{tag}", CreatedAt = now, NextAttemptAt = now });
            // Someone else's email naming both: only Ann's address and name go.
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = $"staff.{tag}@example.org", Subject = "Bookings",
                TextBody = $"{given} Lee ({ann}) booked. {given} Leeson ({jo}) booked. Write to {ann}.",
                CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync();
            joParticipant = joRecord.Id;
            return true;
        });
        return new People(ann, jo, given, joParticipant);
    }

    [SkippableFact]
    public async Task TheDownload_HoldsOnlyEmailsToTheWholeAddress()
    {
        app.RequireDatabase();
        var people = await SeedAsync();
        var buffer = new MemoryStream();
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SubjectAccessExport>().WriteAsync(new DataSubject(people.Ann.ToUpperInvariant()), buffer, "Test")));
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer);
        var outbox = Read(zip, "csv/outbox_messages.csv");
        Assert.Contains("Your booking", outbox, StringComparison.Ordinal);
        Assert.Contains("Both of you are booked.", outbox, StringComparison.Ordinal);
        foreach (var entry in zip.Entries)
        {
            var text = Read(zip, entry.FullName);
            Assert.DoesNotContain("jo-secret-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("jo-booked-", text, StringComparison.Ordinal);
            Assert.DoesNotContain(people.Jo, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.False(EmailPersonalData.IsTo(new OutboxMessage { To = people.Jo }, people.Ann));
        Assert.True(EmailPersonalData.IsTo(new OutboxMessage { To = $"{people.Jo}, {people.Ann.ToUpperInvariant()}" }, people.Ann));
    }

    [SkippableFact]
    public async Task Erasure_LeavesSomeoneWhoseAddressOrNameStartsOrEndsTheSame()
    {
        app.RequireDatabase();
        var people = await SeedAsync();
        var before = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == people.Jo);
            var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == people.JoParticipant);
            return (user.Email, user.NormalizedEmail, user.UserName, user.NormalizedUserName, user.DisplayName, participant.Email, participant.GivenName, participant.FamilyName);
        });

        var result = await app.WithScopeAsync(s => s.GetRequiredService<PersonalData>().EraseAsync(new DataSubject(people.Ann), "Test"));

        Assert.NotNull(result);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == people.Jo);
            var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == people.JoParticipant);
            Assert.Equal(before, (user.Email, user.NormalizedEmail, user.UserName, user.NormalizedUserName, user.DisplayName, participant.Email, participant.GivenName, participant.FamilyName));
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.To.Contains(people.Jo)));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.To == people.Ann));
            var named = await db.OutboxMessages.AsNoTracking().Where(m => m.Subject == "Bookings" && m.To.StartsWith("staff.") && m.TextBody.Contains(people.Jo)).SingleAsync();
            var address = $"erased-{result!.Pseudonym.ToLowerInvariant()}@{ErasedAddresses.Domain}";
            Assert.Equal($"Erased {result.Pseudonym} ({address}) booked. {people.Given} Leeson ({people.Jo}) booked. Write to {address}.", named.TextBody);
        });
        // Jo still signs in with their password.
        Assert.NotEmpty(await app.SignInAsync(people.Jo, UponApp.Password));
    }

    [Fact]
    public void ThePatterns_MatchWholeAddressesAndNamesOnly()
    {
        var address = PersonalData.AddressPattern("ann@example.org");
        Assert.Equal(["ann@example.org", "ANN@example.org", "ann@example.org"], address.Matches("ann@example.org; joann@example.org, jo.ann@example.org ANN@example.org. ann@example.org.uk <ann@example.org>").Select(m => m.Value));
        var name = PersonalData.NamePattern("Ann Lee");
        Assert.Equal(["Ann Lee", "ann lee"], name.Matches("Ann Lee's talk; Ann Leeson; Joann Lee; Mary-Ann Lee; Ann Lee-Smith; (ann lee)").Select(m => m.Value));
    }

    private static string Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No {name} in the download.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}

public sealed class WholeAddressTests_Sqlite(SqliteApp app) : WholeAddressTests(app), IClassFixture<SqliteApp>;

public sealed class WholeAddressTests_Postgres(PostgresApp app) : WholeAddressTests(app), IClassFixture<PostgresApp>;
