using System.Net;
using Microsoft.EntityFrameworkCore;
using Upon.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Health;

/// <summary>/health/live and /health/ready: anonymous, 200 or 503 with one word and no detail.</summary>
public abstract class HealthEndpointsTests(UponApp app)
{
    [SkippableFact]
    public async Task LiveAndReady_AnswerAnonymouslyWithOneWord()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [SkippableFact]
    public async Task Ready_IsUnhealthyWhileAnEmailIsStuck_AndSaysNoMore()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();
        var now = app.Clock.GetCurrentInstant();
        var stuck = new OutboxMessage
        {
            To = "stuck@example.org",
            Subject = "Stuck",
            TextBody = "Held by a sender that died.",
            CreatedAt = now - Duration.FromHours(2),
            NextAttemptAt = now - Duration.FromHours(2),
            // Claimed by a sender that went away: the live sender leaves it alone until the claim lapses.
            LockedUntil = now + Duration.FromDays(1),
            ClaimedBy = "gone",
        };
        await app.WithDbAsync(async db => { db.OutboxMessages.Add(stuck); await db.SaveChangesAsync(); });
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == stuck.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now)));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}

public sealed class HealthEndpointsTests_Sqlite(SqliteApp app) : HealthEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class HealthEndpointsTests_Postgres(PostgresApp app) : HealthEndpointsTests(app), IClassFixture<PostgresApp>;
