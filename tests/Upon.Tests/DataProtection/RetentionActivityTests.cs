using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.DataProtection;
using Upon.Participants;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// The participants' retention rule counts every kind of programme activity, and never erases someone active now: a
/// coach in the pool who saved their equality information (a participant record with no enrolment), and a coachee in a
/// running relationship whose last session attended is seven years old.
/// </summary>
public abstract class RetentionActivityTests(UponApp app)
{
    private async Task<bool> DueAsync(int participantId, LocalDate asOf)
    {
        var run = await app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync(asOf, dryRun: true));
        return run.Due.Any(d => d.StartsWith("Participants with no activity", StringComparison.Ordinal) && d.Contains($"#{participantId}:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ACoachInThePool_WithEqualityInformation_IsKept_UntilRetiredAndSixYearsOn()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (coachId, participantId) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var coach = new CoachProfile { Email = $"coach.{tag}@coach.test", GivenName = "Pool", FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = now };
            var own = new Participant { GivenName = coach.GivenName, FamilyName = coach.FamilyName, Email = coach.Email, CreatedAt = now };
            db.AddRange(coach, own);
            await db.SaveChangesAsync();
            await s.GetRequiredService<EqualityRecords>().SaveAsync(own.Id, "white-british", Sex.Male, Disability.No);
            return (coach.Id, own.Id);
        });

        Assert.False(await DueAsync(participantId, new LocalDate(2033, 1, 1)));

        await app.WithDbAsync(async db =>
        {
            var coach = await db.CoachProfiles.SingleAsync(c => c.Id == coachId);
            coach.Status = CoachStatus.Retired;
            await db.SaveChangesAsync();
        });
        Assert.False(await DueAsync(participantId, new LocalDate(2032, 11, 25)));
        Assert.True(await DueAsync(participantId, new LocalDate(2032, 11, 27)));
    }

    [SkippableFact]
    public async Task AnEnrolmentWithItsEndToCome_KeepsThePerson_ThenSixYearsAfterTheEnd()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var strand = await SessionSeed.StrandAsync(app);
        var participantId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var enrolled = new Participant { GivenName = "Long", FamilyName = $"Course{tag}", Email = $"course.{tag}@example.org", CreatedAt = app.Clock.GetCurrentInstant() };
            enrolled.Enrolments.Add(new Enrolment { StrandId = strand.Id, StartsOn = new LocalDate(2026, 1, 1), EndsOn = new LocalDate(2033, 6, 30), Status = EnrolmentStatus.Enrolled });
            db.Participants.Add(enrolled);
            await db.SaveChangesAsync();
            return enrolled.Id;
        });

        // More than six years after joining, the enrolment still runs: kept; six years after its end, due.
        Assert.False(await DueAsync(participantId, new LocalDate(2033, 1, 1)));
        Assert.False(await DueAsync(participantId, new LocalDate(2039, 6, 30)));
        Assert.True(await DueAsync(participantId, new LocalDate(2039, 7, 1)));
    }

    [SkippableFact]
    public async Task ACoacheeInARunningRelationship_IsKept_WhateverTheirLastSession_ThenSixYearsAfterItEnds()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 10, 1, 10, 0));
        var (relationshipId, participantId) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var coach = new CoachProfile { Email = $"coach.{tag}@coach.test", GivenName = "Their", FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = now, Status = CoachStatus.Retired };
            var coachee = new Participant { GivenName = "Long", FamilyName = $"Coachee{tag}", Email = $"coachee.{tag}@example.org", CreatedAt = now };
            db.AddRange(coach, coachee);
            await db.SaveChangesAsync();
            db.AttendanceRecords.Add(new AttendanceRecord { SessionId = session.Id, ParticipantId = coachee.Id, Mark = AttendanceMark.Present, Source = AttendanceSource.Register, RecordedAt = now, RecordedBy = "staff@tests.upon.test" });
            var relationship = new CoachingRelationship { CoachId = coach.Id, ParticipantId = coachee.Id, StartsOn = new LocalDate(2026, 11, 1), EndsOn = new LocalDate(2027, 10, 31), EntitledSessions = 6, EntitledMinutes = 540, Status = RelationshipStatus.Active };
            db.CoachingRelationships.Add(relationship);
            await db.SaveChangesAsync();
            return (relationship.Id, coachee.Id);
        });

        // Seven years after the last session attended, kept: the relationship ran to 31 October 2027.
        Assert.False(await DueAsync(participantId, new LocalDate(2033, 10, 31)));
        // Left active after its end (no one marked it completed), it counts up to that end and keeps no one for ever.
        Assert.True(await DueAsync(participantId, new LocalDate(2033, 11, 1)));

        // It ended on 1 June 2028, with a session logged on 20 May 2028: due six years after the end.
        await app.WithDbAsync(async db =>
        {
            var relationship = await db.CoachingRelationships.SingleAsync(r => r.Id == relationshipId);
            relationship.Status = RelationshipStatus.EndedEarly;
            relationship.StatusChangedOn = new LocalDate(2028, 6, 1);
            db.CoachingSessionLogs.Add(new CoachingSessionLog { RelationshipId = relationshipId, Date = new LocalDate(2028, 5, 20), Minutes = 60, LoggedAt = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
        });
        Assert.False(await DueAsync(participantId, new LocalDate(2034, 6, 1)));
        Assert.True(await DueAsync(participantId, new LocalDate(2034, 6, 2)));
    }
}

public sealed class RetentionActivityTests_Sqlite(SqliteApp app) : RetentionActivityTests(app), IClassFixture<SqliteApp>;

public sealed class RetentionActivityTests_Postgres(PostgresApp app) : RetentionActivityTests(app), IClassFixture<PostgresApp>;
