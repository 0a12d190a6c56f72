using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Text;

namespace Upon.Impact;

/// <param name="Errors">Every problem found; nothing was written when there is one.</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="Added">People given an imported enrolment for the first time.</param>
/// <param name="Updated">People whose imported enrolment changed date or email.</param>
/// <param name="Unchanged">People whose imported enrolment was already as the file says.</param>
public sealed record EnrolmentImportResult(IReadOnlyList<ImportError> Errors, int Rows, int Added, int Updated, int Unchanged)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// <c>upon newdirectors import enrolments FILE.csv</c>: past New Directors participants, <c>person_id,email,accepted_date</c>,
/// all or nothing. The person must be in the register; the email is checked by Upon's one rule; the date is a real
/// <c>YYYY-MM-DD</c> from 1 January 2000 to today. A person may appear once. Nobody is emailed and no account or
/// enrolment is made: the retention evaluation reads these beside the acceptances in Upon. People whose tenure is outside
/// the evaluation's population are kept too; the evaluation leaves them out.
/// </summary>
public sealed class RetentionEnrolmentImporter(UponDbContext db, IClock clock)
{
    public static readonly IReadOnlyList<string> Columns = ["person_id", "email", "accepted_date"];

    /// <summary>The most rows one file may hold.</summary>
    public const int MaxRows = 100_000;

    public async Task<EnrolmentImportResult> ImportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (rows, errors) = Read(reader);
        if (errors.Count > 0)
        {
            return new EnrolmentImportResult(errors, rows.Count, 0, 0, 0);
        }

        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = rows.Select(r => r.PersonId).Where(p => p.Length > 0).Distinct().ToList();
        // One array parameter per query (DatabaseSetup), in chunks so no statement grows without bound.
        foreach (var chunk in ids.Chunk(5000))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.PersonId)).Select(p => new { p.PersonId, p.Id }).ToListAsync(cancellationToken))
            {
                people[p.PersonId] = p.Id;
            }
        }

        var today = clock.TodayInLondon();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<(int PersonKey, string Email, LocalDate On)>();
        foreach (var fileRow in rows)
        {
            var row = fileRow;
            var before = errors.Count;
            void Error(string column, string value, string reason) => errors.Add(new ImportError(row.Line, column, value, reason));

            foreach (var (column, value) in new[] { ("person_id", row.PersonId), ("email", row.Email), ("accepted_date", row.AcceptedDate) })
            {
                if (ControlCharacters.Contains(value))
                {
                    Error(column, value.Replace("\0", "\\u0000", StringComparison.Ordinal), $"The value {ControlCharacters.Problem(value)}.");
                }
            }
            if (errors.Count > before)
            {
                continue;
            }
            row = row with { PersonId = row.PersonId.Trim(), Email = row.Email.Trim(), AcceptedDate = row.AcceptedDate.Trim() };

            int personKey = 0;
            if (row.PersonId.Length == 0)
            {
                Error("person_id", "", "Enter the person's identifier in the register.");
            }
            else if (seen.TryGetValue(row.PersonId, out var first))
            {
                Error("person_id", row.PersonId, $"This person is already on line {first}.");
            }
            else if (!people.TryGetValue(row.PersonId, out personKey))
            {
                Error("person_id", row.PersonId, "No one in the register has this identifier.");
            }
            if (row.PersonId.Length > 0)
            {
                seen.TryAdd(row.PersonId, row.Line);
            }

            if (!EmailAddresses.IsValid(row.Email))
            {
                Error("email", row.Email, "Enter an email address in the correct format, like name@example.org.");
            }

            var date = LocalDatePattern.Iso.Parse(row.AcceptedDate);
            if (row.AcceptedDate.Length == 0)
            {
                Error("accepted_date", "", "Enter the day they accepted or enrolled, as YYYY-MM-DD.");
            }
            else if (!date.Success || row.AcceptedDate.Length != 10)
            {
                Error("accepted_date", row.AcceptedDate, "The accepted date must be a real date written YYYY-MM-DD, such as 2021-06-14.");
            }
            else if (date.Value < PlausibleDates.Earliest || date.Value > today)
            {
                Error("accepted_date", row.AcceptedDate,
                    $"The accepted date must be between 1 January 2000 and today, {today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
            }

            if (errors.Count == before)
            {
                parsed.Add((personKey, row.Email, date.Value));
            }
        }
        if (errors.Count > 0)
        {
            return new EnrolmentImportResult(errors, rows.Count, 0, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = parsed.Select(p => p.PersonKey).ToList();
        var existing = new Dictionary<int, ImportedEnrolment>();
        foreach (var chunk in keys.Chunk(5000))
        {
            foreach (var e in await db.ImportedEnrolments.Where(e => chunk.Contains(e.PersonKey)).ToListAsync(cancellationToken))
            {
                existing[e.PersonKey] = e;
            }
        }
        var now = clock.GetCurrentInstant();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (personKey, email, on) in parsed)
        {
            if (!existing.TryGetValue(personKey, out var enrolment))
            {
                db.ImportedEnrolments.Add(new ImportedEnrolment { PersonKey = personKey, Email = email, AcceptedOn = on, ImportedAt = now });
                added++;
            }
            else if (enrolment.AcceptedOn != on || !string.Equals(enrolment.Email, email, StringComparison.Ordinal))
            {
                enrolment.AcceptedOn = on;
                enrolment.Email = email;
                enrolment.ImportedAt = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EnrolmentImportResult([], rows.Count, added, updated, unchanged);
    }

    private sealed record Row(int Line, string PersonId, string Email, string AcceptedDate);

    private static (List<Row> Rows, List<ImportError> Errors) Read(TextReader reader)
    {
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ImportError(1, "", "", "The file is empty: it needs the header person_id,email,accepted_date and at least one row."));
            return (rows, errors);
        }
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var missing in Columns.Where(c => !columns.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, "", $"The column {missing} is missing from the header."));
        }
        foreach (var unknown in columns.Where(c => !Columns.Contains(c)).Distinct())
        {
            errors.Add(new ImportError(1, unknown, unknown, $"The column '{unknown}' is not one Upon knows. Expected {string.Join(",", Columns)}."));
        }
        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, duplicate.Key, duplicate.Key, $"The column {duplicate.Key} appears more than once."));
        }
        if (errors.Count > 0)
        {
            return (rows, errors);
        }

        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(columns, c));
        while (csv.Read())
        {
            var line = (int)csv.Parser.RawRow;
            if (csv.Parser.Count != columns.Length)
            {
                errors.Add(new ImportError(line, "", "", $"The row has {csv.Parser.Count} fields but the header has {columns.Length}."));
                continue;
            }
            if (rows.Count >= MaxRows)
            {
                errors.Add(new ImportError(line, "", "", $"A file may hold at most {MaxRows:N0} rows."));
                break;
            }
            string Field(string column) => Upon.Shared.Files.SafeCsv.Restore(csv.GetField(index[column]) ?? "");
            rows.Add(new Row(line, Field("person_id"), Field("email"), Field("accepted_date")));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, "", "", "The file has a header but no rows."));
        }
        return (rows, errors);
    }
}
