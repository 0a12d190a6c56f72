using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// The migration that gives sessions their own "moved online" flag sets it on the sessions already moved online, which
/// until then said so only by their status.
/// </summary>
public abstract class SessionMovedOnlineMigrationTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task Upgrading_FlagsTheSessionsWhoseStatusIsMovedOnline_AndNoOthers()
    {
        await using var database = await TestDatabase.OrSkipAsync(() => TestDatabase.CreateAsync(provider));
        int movedId, postponedId;
        string before;
        await using (var db = database.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var migrations = db.Database.GetMigrations().ToList();
            Assert.EndsWith("_SessionMovedOnline", migrations[^1], StringComparison.Ordinal);
            before = migrations[^2];
            var strand = new Strand { Slug = "moved-online-test", Name = "Moved online test" };
            db.Strands.Add(strand);
            await db.SaveChangesAsync();
            var moved = Row(strand, SessionStatus.MovedOnline);
            var postponed = Row(strand, SessionStatus.Postponed);
            db.Sessions.AddRange(moved, postponed);
            await db.SaveChangesAsync();
            (movedId, postponedId) = (moved.Id, postponed.Id);
            // Back to the release before the flag, whose rows said "moved online" only by their status.
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        await using (var db = database.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            var flags = await db.Sessions.AsNoTracking().Where(s => s.Id == movedId || s.Id == postponedId).ToDictionaryAsync(s => s.Id, s => s.MovedOnline);
            Assert.True(flags[movedId]);
            Assert.False(flags[postponedId]);
        }
    }

    private static Session Row(Strand strand, SessionStatus status)
    {
        var start = new LocalDateTime(2027, 1, 15, 14, 0);
        return new Session
        {
            Uid = $"{Guid.NewGuid():N}@upon.test",
            StrandId = strand.Id,
            Title = $"A session {status}",
            Type = SessionType.Residential,
            Start = start,
            End = start.PlusHours(2),
            StartUtc = SessionTimes.ToInstant(start),
            EndUtc = SessionTimes.ToInstant(start.PlusHours(2)),
            Capacity = 10,
            Venue = "Conference Centre, 1 High Street, Leeds",
            VideoLink = "https://meet.example.org/moved",
            Status = status,
            CreatedAt = SystemClock.Instance.GetCurrentInstant(),
            UpdatedAt = SystemClock.Instance.GetCurrentInstant(),
        };
    }
}

public sealed class SessionMovedOnlineMigrationTests_Sqlite() : SessionMovedOnlineMigrationTests(DatabaseProvider.Sqlite);

public sealed class SessionMovedOnlineMigrationTests_Postgres() : SessionMovedOnlineMigrationTests(DatabaseProvider.Postgres);
