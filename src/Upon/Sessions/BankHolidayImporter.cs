using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions.ReferenceData;

namespace Upon.Sessions;

/// <summary>What replacing the bank holidays did: how many the table now holds, their range, and what changed.</summary>
public sealed record BankHolidayImportResult(int Count, LocalDate First, LocalDate Last, int Added, int Updated, int Removed);

/// <summary>Loads the shipped England and Wales bank holidays into <c>bank_holidays</c>, and replaces them from a GOV.UK file.</summary>
public sealed class BankHolidayImporter(UponDbContext db)
{
    /// <summary>The longest title the table keeps.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Loads the embedded bank holidays if the table is empty.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.BankHolidays.AnyAsync(cancellationToken))
        {
            return;
        }
        await ReplaceAsync(BankHolidayReferenceData.LoadEmbedded(), cancellationToken);
    }

    /// <summary>Why the table cannot hold this calendar, or null when it can.</summary>
    public static string? Problem(BankHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Holidays.FirstOrDefault(h => h.Title.Length > MaxTitleLength) is { } tooLong
            ? $"the title of {tooLong.Date.ToIsoString()} is longer than {MaxTitleLength} characters"
            : null;
    }

    /// <summary>
    /// Makes the table hold exactly the calendar's bank holidays, in one transaction: new dates are added, changed titles
    /// updated and dates no longer in the calendar removed, each audited.
    /// </summary>
    public async Task<BankHolidayImportResult> ReplaceAsync(BankHolidayCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Problem(calendar) is { } problem)
        {
            throw new ArgumentException(problem, nameof(calendar));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.BankHolidays.ToDictionaryAsync(h => h.Date, cancellationToken);
        int added = 0, updated = 0, removed = 0;
        foreach (var holiday in calendar.Holidays)
        {
            if (!existing.Remove(holiday.Date, out var row))
            {
                db.BankHolidays.Add(new BankHoliday { Date = holiday.Date, Title = holiday.Title });
                added++;
            }
            else if (row.Title != holiday.Title)
            {
                row.Title = holiday.Title;
                updated++;
            }
        }
        db.BankHolidays.RemoveRange(existing.Values);
        removed = existing.Count;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BankHolidayImportResult(calendar.Holidays.Count, calendar.Holidays[0].Date, calendar.Holidays[^1].Date, added, updated, removed);
    }

    /// <summary>The bank holidays from <paramref name="from"/> to <paramref name="to"/>, both inclusive, by date.</summary>
    public static async Task<IReadOnlyDictionary<LocalDate, string>> BetweenAsync(UponDbContext db, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.BankHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).ToListAsync(cancellationToken);
        return rows.ToDictionary(h => h.Date, h => h.Title);
    }
}
