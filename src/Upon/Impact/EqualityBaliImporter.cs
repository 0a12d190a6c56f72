using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Shared.Files;
using Upon.Shared.Text;

namespace Upon.Impact;

/// <summary>What a BALI import did.</summary>
public sealed record BaliImportResult(IReadOnlyList<WorkforceFileError> Errors, int Added, int Updated)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// <c>upon import bali FILE.csv</c>: records BALI graduates from <c>email,given_name,family_name,cohort_year</c>, keyed
/// by email (case-insensitive), all or nothing.
/// </summary>
public sealed class EqualityBaliImporter(UponDbContext db, AuditLog audit, IClock clock)
{
    public static readonly IReadOnlyList<string> Columns = ["email", "given_name", "family_name", "cohort_year"];

    /// <summary>The first cohort a file may name: BALI began long after 2000, so anything earlier is a mistake.</summary>
    public const int EarliestCohort = 2000;

    public async Task<BaliImportResult> ImportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<WorkforceFileError>();
        var rows = new List<(string Email, string Given, string Family, int Cohort)>();
        var thisYear = clock.TodayInLondon().Year;
        using (var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null }))
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                return new([new WorkforceFileError(1, "(header)", "the file is empty")], 0, 0);
            }
            var header = csv.HeaderRecord ?? [];
            if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
            {
                return new([new WorkforceFileError(1, "(header)", $"the header must be {string.Join(',', Columns)}")], 0, 0);
            }
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var before = errors.Count;
                string Field(string name) => SafeCsv.Restore((csv.GetField(name) ?? "").Trim());
                void Error(string column, string message) => errors.Add(new WorkforceFileError(line, column, message));
                foreach (var column in Columns)
                {
                    if (ControlCharacters.Contains(csv.GetField(column)))
                    {
                        Error(column, "the value holds a control character");
                    }
                }
                var email = Field("email");
                if (!EmailAddresses.IsValid(email))
                {
                    Error("email", $"'{email}' is not an email address");
                }
                else if (!seen.Add(email))
                {
                    Error("email", $"{email} is given twice");
                }
                var given = Field("given_name");
                var family = Field("family_name");
                if (given.Length is 0 or > EqualityBaliGraduate.MaxNameLength)
                {
                    Error("given_name", $"enter a given name of 1 to {EqualityBaliGraduate.MaxNameLength} characters");
                }
                if (family.Length is 0 or > EqualityBaliGraduate.MaxNameLength)
                {
                    Error("family_name", $"enter a family name of 1 to {EqualityBaliGraduate.MaxNameLength} characters");
                }
                var cohortText = Field("cohort_year");
                if (!int.TryParse(cohortText, NumberStyles.None, CultureInfo.InvariantCulture, out var cohort) || cohort < EarliestCohort || cohort > thisYear)
                {
                    Error("cohort_year", $"'{cohortText}' is not a year from {EarliestCohort} to {thisYear}");
                }
                if (errors.Count == before)
                {
                    rows.Add((email, given, family, cohort));
                }
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new WorkforceFileError(2, "(row)", "the file has no rows"));
        }
        if (errors.Count > 0)
        {
            return new(errors, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = (await db.BaliGraduates.ToListAsync(cancellationToken)).ToDictionary(g => g.Email, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetCurrentInstant();
        int added = 0, updated = 0;
        foreach (var (email, given, family, cohort) in rows)
        {
            if (existing.TryGetValue(email, out var graduate))
            {
                if (graduate.GivenName != given || graduate.FamilyName != family || graduate.CohortYear != cohort)
                {
                    (graduate.GivenName, graduate.FamilyName, graduate.CohortYear) = (given, family, cohort);
                    updated++;
                }
                continue;
            }
            db.BaliGraduates.Add(new EqualityBaliGraduate { Email = email, GivenName = given, FamilyName = family, CohortYear = cohort, Source = "import", RecordedAt = now });
            added++;
        }
        await audit.RecordAsync("BaliGraduatesImported", nameof(EqualityBaliGraduate), null, $"{added} added, {updated} updated", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new([], added, updated);
    }
}
