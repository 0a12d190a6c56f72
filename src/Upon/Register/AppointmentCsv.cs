using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Register;
using Upon.Shared.Text;

namespace Upon.Register;

/// <summary>A problem with one field of an uploaded file: its line (1 is the header), column, value and why.</summary>
public sealed record ImportError(int Line, string Column, string Value, string Reason)
{
    public override string ToString() => $"Line {Line}, column {Column}{(Value.Length > 0 ? $" ('{Value}')" : "")}: {Reason}";
}

/// <summary>One row of an appointments file, parsed but not yet checked against the register.</summary>
public sealed record AppointmentRow(
    int Line, string LaCode, string PersonId, string GivenName, string FamilyName, string? Email,
    AppointmentType Type, LocalDate Start, LocalDate? End, LeavingReason? Reason, bool? Unplanned);

/// <summary>
/// The appointments CSV format shared by <c>upon import appointments</c>, the upload page and <c>upon export appointments</c>:
/// <c>la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned</c> and an
/// optional <c>email</c>.
/// </summary>
public static class AppointmentCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["la_code", "person_id", "given_name", "family_name", "appointment_type", "start_date", "end_date", "leaving_reason", "unplanned"];

    public const string EmailColumn = "email";

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    private static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = false,
        BadDataFound = null,
        MissingFieldFound = null,
        IgnoreBlankLines = true,
    };

    /// <summary>Reads every row, collecting field-level errors rather than stopping at the first.</summary>
    public static (List<AppointmentRow> Rows, List<ImportError> Errors) Read(TextReader reader)
    {
        var rows = new List<AppointmentRow>();
        var errors = new List<ImportError>();
        using var csv = new CsvReader(reader, Configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ImportError(1, "", "", "The file is empty: it needs a header row and at least one appointment."));
            return (rows, errors);
        }

        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        foreach (var missing in RequiredColumns.Where(c => !columns.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, "", $"The column {missing} is missing from the header."));
        }
        foreach (var unknown in columns.Where(c => !RequiredColumns.Contains(c) && c != EmailColumn))
        {
            errors.Add(new ImportError(1, unknown, unknown, $"The column '{unknown}' is not one Upon knows. Expected {string.Join(",", RequiredColumns)} and optionally email."));
        }
        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, duplicate.Key, duplicate.Key, $"The column {duplicate.Key} appears more than once."));
        }
        if (errors.Count > 0)
        {
            return (rows, errors);
        }

        var index = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        while (csv.Read())
        {
            var line = (int)csv.Parser.RawRow;
            string Field(string column) => index.TryGetValue(column, out var i) && i < csv.Parser.Count ? (csv.GetField(i) ?? "").Trim() : "";
            if (csv.Parser.Count != columns.Length)
            {
                errors.Add(new ImportError(line, "", "", $"The row has {csv.Parser.Count} fields but the header has {columns.Length}."));
                continue;
            }
            var row = ParseRow(line, Field, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, "", "", "The file has a header but no appointments."));
        }
        return (rows, errors);
    }

    private static AppointmentRow? ParseRow(int line, Func<string, string> field, List<ImportError> errors)
    {
        var before = errors.Count;
        void Error(string column, string reason) => errors.Add(new ImportError(line, column, field(column), reason));

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
        var start = ParseDate(field("start_date"), "start_date", required: true, Error);
        var end = ParseDate(field("end_date"), "end_date", required: false, Error);
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
        if (errors.Count > before || start is null)
        {
            return null;
        }
        foreach (var (column, problem) in AppointmentRules.CheckEnding(start.Value, end, reason, unplanned))
        {
            Error(column, problem);
        }
        return errors.Count > before
            ? null
            : new AppointmentRow(line, laCode, personId, given, family, email.Length > 0 ? email : null, type, start.Value, end, reason, unplanned);
    }

    private static LocalDate? ParseDate(string text, string column, bool required, Action<string, string> error)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                error(column, "Enter a start date in the form YYYY-MM-DD.");
            }
            return null;
        }
        var result = IsoDate.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }
        error(column, "This is not a real date in the form YYYY-MM-DD.");
        return null;
    }


    /// <summary>Writes appointments in the import format (UTF-8, no byte-order mark, LF).</summary>
    public static void Write(TextWriter writer, IEnumerable<Appointment> appointments)
    {
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in RequiredColumns.Append(EmailColumn))
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
            csv.NextRecord();
        }
    }
}
