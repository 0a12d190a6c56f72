using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Upon.Register;

namespace Upon.Coaching;

/// <summary>One data row of a coaching CSV: its line number and its fields by column name (trimmed).</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields.TryGetValue(column, out var value) ? value : "";

    /// <summary>A <c>;</c>-separated list, trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> List(string column) =>
        [.. this[column].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>
/// Reads the coaching CSV files: a header naming exactly the expected columns (any order), then one row per record;
/// lists inside a field are separated by <c>;</c>. Every problem is collected with its line and column.
/// </summary>
public static class CoachingCsv
{
    public static readonly IReadOnlyList<string> CoachColumns =
        ["email", "given_name", "family_name", "capacity", "modes", "regions", "characteristics", "authority_types", "conflict_la_codes", "person_id"];

    public static readonly IReadOnlyList<string> RequestColumns =
        ["email", "given_name", "family_name", "la_code", "must", "would_like", "authority_type", "mode", "region", "avoid"];

    /// <summary>The most rows one file may hold.</summary>
    public const int MaxRows = 20_000;

    public static (List<CsvRow> Rows, List<ImportError> Errors) Read(TextReader reader, IReadOnlyList<string> expected, IReadOnlyCollection<string>? optional = null)
    {
        var rows = new List<CsvRow>();
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
            errors.Add(new ImportError(1, "", "", "The file is empty: it needs a header row and at least one row."));
            return (rows, errors);
        }

        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var allowedOptional = optional ?? [];
        foreach (var missing in expected.Where(c => !columns.Contains(c) && !allowedOptional.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, "", $"The column {missing} is missing from the header."));
        }

        foreach (var unknown in columns.Where(c => !expected.Contains(c)))
        {
            errors.Add(new ImportError(1, unknown, unknown, $"The column '{unknown}' is not one Upon knows. Expected {string.Join(",", expected)}."));
        }

        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, duplicate.Key, duplicate.Key, $"The column {duplicate.Key} appears more than once."));
        }

        if (errors.Count > 0) return (rows, errors);

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

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++) fields[columns[i]] = (csv.GetField(i) ?? "").Trim();
            rows.Add(new CsvRow(line, fields));
        }

        if (rows.Count == 0 && errors.Count == 0) errors.Add(new ImportError(1, "", "", "The file has a header but no rows."));
        return (rows, errors);
    }

    /// <summary>
    /// Checks a row's person the same way in every coaching import: the email (Upon's one rule, once in the file, where
    /// <paramref name="seen"/> remembers the lines) and the given and family names (present, at most 100 characters).
    /// </summary>
    internal static void CheckPerson(CsvRow row, Dictionary<string, int> seen, string who, Action<string, string> error)
    {
        var email = row["email"];
        if (!Upon.Shared.Text.EmailAddresses.IsValid(email)) error("email", "Enter an email address in the correct format, like name@example.org.");
        else if (seen.TryGetValue(email, out var first)) error("email", $"This {who} is already on line {first}.");
        else seen[email] = row.Line;
        foreach (var name in new[] { "given_name", "family_name" })
        {
            if (row[name].Length == 0) error(name, name == "given_name" ? "Enter a given name." : "Enter a family name.");
            else if (row[name].Length > MaxNameLength) error(name, $"Names must be {MaxNameLength} characters or fewer.");
        }
    }

    private const int MaxNameLength = 100;
}
