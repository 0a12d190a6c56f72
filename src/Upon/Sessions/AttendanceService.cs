using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>One person's mark to record. <see cref="Minutes"/> comes from an attendance report, and is null from the register.</summary>
public sealed record MarkEntry(int ParticipantId, AttendanceMark Mark, int? Minutes = null);

/// <summary>What to record on a session's register, and where the marks came from.</summary>
public sealed record RecordMarksOptions
{
    public required int SessionId { get; init; }
    public required IReadOnlyList<MarkEntry> Marks { get; init; }
    public required AttendanceSource Source { get; init; }
}

public enum RecordMarksResult
{
    Saved,
    SessionNotFound,

    /// <summary>The session has not started or was cancelled (<see cref="RecordMarksOutcome.Availability"/> says which).</summary>
    RegisterClosed,

    /// <summary>Some marks are for people not expected at the session (<see cref="RecordMarksOutcome.NotExpected"/>).</summary>
    NotExpected,
}

/// <summary>What became of recording marks. Nothing is written unless <see cref="Result"/> is <see cref="RecordMarksResult.Saved"/>.</summary>
public sealed record RecordMarksOutcome(
    RecordMarksResult Result,
    int Added = 0,
    int Changed = 0,
    int Unchanged = 0,
    RegisterAvailability? Availability = null,
    IReadOnlyList<int>? NotExpected = null);

/// <summary>
/// Records attendance marks on a session's register, all or nothing, in one transaction with the session locked (a
/// row lock on PostgreSQL, the database write lock on SQLite), so two people saving the same register at once cannot
/// write two marks for one person. Each change is audited by <see cref="UponDbContext.SaveChangesAsync(bool, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// A person's mark is one row, added the first time and updated after (an upsert). A mark that is the same as before
/// is left alone, so saving a register again changes only what changed, and "marked by" keeps naming who marked it.
/// A changed mark records the source, the time and who saved it; from the register it clears the minutes a report
/// gave, since the mark no longer comes from the report.
/// </remarks>
public sealed class AttendanceService(UponDbContext db, SessionRegisters registers, IClock clock)
{
    /// <summary>The most minutes a mark may carry: the longest session, 14 days.</summary>
    public const int MaxMinutes = 14 * 24 * 60;

    public async Task<RecordMarksOutcome> RecordAsync(RecordMarksOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Marks.GroupBy(m => m.ParticipantId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Participant {twice.Key} is marked twice.", nameof(options));
        }
        if (options.Marks.FirstOrDefault(m => m.Minutes is < 0 or > MaxMinutes) is { } odd)
        {
            throw new ArgumentException($"Participant {odd.ParticipantId} has {odd.Minutes} minutes, which no session lasts.", nameof(options));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<Session>(options.SessionId, cancellationToken);
        var register = await registers.LoadAsync(options.SessionId, cancellationToken);
        if (register is null)
        {
            return new RecordMarksOutcome(RecordMarksResult.SessionNotFound);
        }
        if (!register.IsOpen)
        {
            return new RecordMarksOutcome(RecordMarksResult.RegisterClosed, Availability: register.Availability);
        }
        var strangers = options.Marks.Where(m => register.Find(m.ParticipantId) is null).Select(m => m.ParticipantId).ToList();
        if (strangers.Count > 0)
        {
            return new RecordMarksOutcome(RecordMarksResult.NotExpected, NotExpected: strangers);
        }

        var records = await db.AttendanceRecords.Where(r => r.SessionId == options.SessionId).ToDictionaryAsync(r => r.ParticipantId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var recordedBy = Truncate(db.Actor.Name, 320);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var entry in options.Marks)
        {
            var minutes = options.Source == AttendanceSource.Register ? null : entry.Minutes;
            if (!records.TryGetValue(entry.ParticipantId, out var record))
            {
                db.AttendanceRecords.Add(new AttendanceRecord
                {
                    SessionId = options.SessionId,
                    ParticipantId = entry.ParticipantId,
                    Mark = entry.Mark,
                    Minutes = minutes,
                    Source = options.Source,
                    RecordedAt = now,
                    RecordedBy = recordedBy,
                });
                added++;
                continue;
            }
            var same = record.Mark == entry.Mark
                && (options.Source == AttendanceSource.Register || (record.Source == options.Source && record.Minutes == minutes));
            if (same)
            {
                unchanged++;
                continue;
            }
            record.Mark = entry.Mark;
            record.Minutes = minutes;
            record.Source = options.Source;
            record.RecordedAt = now;
            record.RecordedBy = recordedBy;
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordMarksOutcome(RecordMarksResult.Saved, added, changed, unchanged);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
