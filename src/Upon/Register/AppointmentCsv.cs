using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Register;
using Upon.Shared.Files;
using Upon.Shared.Text;

namespace Upon.Register;

/// <summary>A problem with one field of an uploaded file: its line (1 is the header), column, value and why.</summary>
public sealed record ImportError(int Line, string Column, string Value, string Reason)
{
    public override string ToString() => $"Line {Line}, column {Column}{(Value.Length > 0 ? $" ('{Value}')" : "")}: {Reason}";
}

/// <summary>One row of an appointments file, parsed but not yet checked against the register.</summary>
/// <param name="RecordedOn">The day the register was told of the appointment (the optional <c>recorded_date</c>), if the file gives it.</param>
public sealed record AppointmentRow(
    int Line, string LaCode, string PersonId, string GivenName, string FamilyName, string? Email,
    AppointmentType Type, LocalDate Start, LocalDate? End, LeavingReason? Reason, bool? Unplanned, LocalDate? RecordedOn = null);

/// <summary>
/// The appointments CSV format shared by <c>upon import appointments</c>, the upload page and <c>upon export appointments</c>:
/// <c>la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned</c> and the
/// optional <c>email</c> and <c>recorded_date</c>. Every text field is checked for control characters, every date against
/// <see cref="PlausibleDates"/>, and a value written with a protecting quote (<see cref="SafeCsv"/>) is read back as it was.
/// </summary>
public static class AppointmentCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["la_code", "person_id", "given_name", "family_name", "appointment_type", "start_date", "end_date", "leaving_reason", "unplanned"];

    public const string EmailColumn = "email";

    /// <summary>The day the register was told of the appointment; the day of import when absent.</summary>
    public const string RecordedDateColumn = "recorded_date";

    public static readonly IReadOnlyList<string> OptionalColumns = [EmailColumn, RecordedDateColumn];

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    private static readonly IReadOnlyList<string> KnownColumns = [.. RequiredColumns, .. OptionalColumns];

    private static readonly Dictionary<string, int> KnownColumnSlots = KnownColumns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    private static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = false,
        BadDataFound = null,
        MissingFieldFound = null,
        IgnoreBlankLines = true,
    };

    /// <summary>Reads every row, collecting field-level errors rather than stopping at the first.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="today">Today in London, for the plausible range of dates.</param>
    /// <param name="invalidRows">Filled with the line and la_code of each row that has errors, so that the authority can be checked too.</param>
    public static (List<AppointmentRow> Rows, List<ImportError> Errors) Read(TextReader reader, LocalDate today, List<(int Line, string LaCode)>? invalidRows = null)
    {
        var errors = new List<ImportError>();
        var rows = ReadRows(reader, today, errors, invalidRows).ToList();
        return (rows, errors);
    }

    /// <summary>
    /// Reads the rows one at a time as they are enumerated (a large file is never held as rows), adding field-level errors
    /// to <paramref name="errors"/> as it goes: each valid row is yielded, each row with errors is not. Header errors are
    /// added before the first row, "no appointments" after the last.
    /// </summary>
    public static IEnumerable<AppointmentRow> ReadRows(TextReader reader, LocalDate today, List<ImportError> errors, List<(int Line, string LaCode)>? invalidRows = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        using var csv = new CsvReader(reader, Configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ImportError(1, "", "", "The file is empty: it needs a header row and at least one appointment."));
            yield break;
        }

        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        foreach (var missing in RequiredColumns.Where(c => !columns.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, "", $"The column {missing} is missing from the header."));
        }
        foreach (var unknown in columns.Where(c => !RequiredColumns.Contains(c) && !OptionalColumns.Contains(c)))
        {
            errors.Add(new ImportError(1, unknown, unknown, $"The column '{unknown}' is not one Upon knows. Expected {string.Join(",", RequiredColumns)} and optionally email and recorded_date."));
        }
        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, duplicate.Key, duplicate.Key, $"The column {duplicate.Key} appears more than once."));
        }
        if (errors.Count > 0)
        {
            yield break;
        }

        // Each known column's position in the file (-1 when an optional one is absent); each field is read once per row.
        var positions = KnownColumns.Select(c => Array.IndexOf(columns, c)).ToArray();
        var values = new string[KnownColumns.Count];
        var rows = 0;
        var rowErrors = errors.Count;
        string Field(string column) => values[KnownColumnSlots[column]];
        while (csv.Read())
        {
            var line = (int)csv.Parser.RawRow;
            if (csv.Parser.Count != columns.Length)
            {
                errors.Add(new ImportError(line, "", "", $"The row has {csv.Parser.Count} fields but the header has {columns.Length}."));
                continue;
            }
            for (var k = 0; k < positions.Length; k++)
            {
                values[k] = positions[k] >= 0 ? SafeCsv.Restore((csv.GetField(positions[k]) ?? "").Trim()) : "";
            }
            var row = ParseRow(line, Field, today, errors);
            if (row is not null)
            {
                rows++;
                yield return row;
            }
            else if (Field("la_code") is { Length: > 0 } code && !ControlCharacters.Contains(code))
            {
                invalidRows?.Add((line, code));
            }
        }
        if (rows == 0 && errors.Count == rowErrors)
        {
            errors.Add(new ImportError(1, "", "", "The file has a header but no appointments."));
        }
    }

    private static AppointmentRow? ParseRow(int line, Func<string, string> raw, LocalDate today, List<ImportError> errors)
    {
        var before = errors.Count;
        HashSet<string>? refused = null;
        foreach (var column in KnownColumns)
        {
            var text = raw(column);
            if (ControlCharacters.Contains(text))
            {
                (refused ??= new HashSet<string>(StringComparer.Ordinal)).Add(column);
                errors.Add(new ImportError(line, column, Printable(text), $"The {column} {ControlCharacters.Problem(text)}."));
            }
        }
        // A field with a control character has been reported: it is not reported again as missing or malformed.
        string field(string column) => refused?.Contains(column) == true ? "\u0000" : raw(column);
        void Error(string column, string reason)
        {
            if (refused?.Contains(column) != true)
            {
                errors.Add(new ImportError(line, column, field(column), reason));
            }
        }

        var laCode = field("la_code");
        if (laCode.Length == 0)
        {
            Error("la_code", "Enter the authority's DfE number or GSS code.");
        }
        var personId = field("person_id");
        if (personId.Length == 0)
        {
            Error("person_id", "Enter the person's identifier.");
        }
        else if (personId.Length > 64)
        {
            Error("person_id", "The identifier must be 64 characters or fewer.");
        }
        var given = field("given_name");
        var family = field("family_name");
        if (given.Length == 0)
        {
            Error("given_name", "Enter a given name.");
        }
        if (family.Length == 0)
        {
            Error("family_name", "Enter a family name.");
        }
        if (given.Length > 100 || family.Length > 100)
        {
            Error(given.Length > 100 ? "given_name" : "family_name", "Names must be 100 characters or fewer.");
        }
        var email = field(EmailColumn);
        if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            Error(EmailColumn, "Enter an email address in the correct format, like name@example.org.");
        }
        if (!RegisterCodes.TryParseAppointmentType(field("appointment_type"), out var type))
        {
            Error("appointment_type", $"The appointment type must be one of {string.Join(", ", RegisterCodes.AppointmentTypeCodes)}.");
        }
        var start = ParseDate(field("start_date"), "start_date", "the start date", required: true, today, Error);
        var endText = field("end_date");
        var end = ParseDate(endText, "end_date", "the end date", required: false, today, Error);
        var recordedText = field(RecordedDateColumn);
        var recorded = ParseDate(recordedText, RecordedDateColumn, "the recorded date", required: false, today, Error);
        if (recorded is { } told && told > today)
        {
            Error(RecordedDateColumn, "The recorded date is the day the register was told, so it cannot be after today.");
            recorded = null;
        }
        LeavingReason? reason = null;
        if (field("leaving_reason").Length > 0)
        {
            if (RegisterCodes.TryParseLeavingReason(field("leaving_reason"), out var parsed))
            {
                reason = parsed;
            }
            else
            {
                Error("leaving_reason", $"The leaving reason must be one of {string.Join(", ", RegisterCodes.LeavingReasonCodes)}.");
            }
        }
        bool? unplanned = null;
        if (field("unplanned").Length > 0)
        {
            if (RegisterCodes.TryParseYesNo(field("unplanned"), out var flag))
            {
                unplanned = flag;
            }
            else
            {
                Error("unplanned", "Unplanned must be yes, no, true or false (empty while in post).");
            }
        }
        // Every problem of the row is reported, not only the first: the ending rules are checked whenever the dates could be read.
        var endUnreadable = endText.Length > 0 && end is null;
        var reasonUnreadable = field("leaving_reason").Length > 0 && reason is null;
        var unplannedUnreadable = field("unplanned").Length > 0 && unplanned is null;
        if (start is { } first && !endUnreadable)
        {
            foreach (var (column, problem) in AppointmentRules.CheckEnding(first, end, reason, unplanned))
            {
                if (!(column == "leaving_reason" && reasonUnreadable) && !(column == "unplanned" && unplannedUnreadable))
                {
                    Error(column, problem);
                }
            }
        }
        return errors.Count > before || start is null
            ? null
            : new AppointmentRow(line, laCode, personId, given, family, email.Length > 0 ? email : null, type, start.Value, end, reason, unplanned, recorded);
    }

    private static LocalDate? ParseDate(string text, string column, string what, bool required, LocalDate today, Action<string, string> error)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                error(column, $"Enter {what} in the form YYYY-MM-DD.");
            }
            return null;
        }
        var result = IsoDate.Parse(text);
        if (!result.Success)
        {
            error(column, "This is not a real date in the form YYYY-MM-DD.");
            return null;
        }
        if (PlausibleDates.CheckAppointmentDate(result.Value, today, what) is { } outside)
        {
            error(column, outside);
            return null;
        }
        return result.Value;
    }

    /// <summary>A value with its control characters shown as <c>\u0000</c>, safe to print in an error.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => ControlCharacters.IsRefused(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>Writes appointments in the import format (UTF-8, no byte-order mark, LF).</summary>
    public static void Write(TextWriter writer, IEnumerable<Appointment> appointments)
    {
        using var csv = Upon.Shared.Files.SafeCsv.CreateWriter(writer, newLine: "\n");
        foreach (var column in RequiredColumns.Concat(OptionalColumns))
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var a in appointments)
        {
            csv.WriteField(a.AuthorityCode);
            csv.WriteField(a.Person!.PersonId);
            csv.WriteField(a.Person.GivenName);
            csv.WriteField(a.Person.FamilyName);
            csv.WriteField(a.Type.ToCode());
            csv.WriteField(IsoDate.Format(a.StartDate));
            csv.WriteField(a.EndDate is { } end ? IsoDate.Format(end) : "");
            csv.WriteField(a.LeavingReason?.ToCode() ?? "");
            csv.WriteField(a.Unplanned is { } u ? (u ? "yes" : "no") : "");
            csv.WriteField(a.Person.Email ?? "");
            csv.WriteField(a.RecordedOn is { } told ? IsoDate.Format(told) : "");
            csv.NextRecord();
        }
    }
}
