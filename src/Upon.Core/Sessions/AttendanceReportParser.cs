using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>
/// Reads the attendance reports that Microsoft Teams and Zoom let an organiser download, into rows of name, email,
/// join and leave times and minutes. It reads; it does not decide who attended (see <see cref="AttendanceMatcher"/>).
/// </summary>
/// <remarks>
/// <para><b>Microsoft Teams.</b> The meeting attendance report (<c>meetingAttendanceReport(...).csv</c>) is UTF-16 LE
/// text with a byte-order mark, separated by tabs despite its name, in numbered sections: <c>1. Summary</c>,
/// <c>2. Participants</c>, <c>3. In-Meeting Activities</c>. The participants header is
/// <c>Name, First Join, Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role</c> (newer versions write
/// <c>First join</c>, <c>Last leave</c>, <c>In-meeting duration</c>, and may add engagement columns). Durations look
/// like <c>1h 52m 3s</c>. The older report (<c>Full Name, Join Time, Leave Time, Duration, Email, Role</c> after a
/// <c>Meeting Summary</c> block) and the oldest, a log of <c>Full Name, User Action, Timestamp</c> with
/// <c>Joined</c>, <c>Joined before</c> and <c>Left</c>, are read too; the log becomes one row per name, with no email,
/// because it has none.</para>
/// <para><b>Zoom.</b> The participants report is UTF-8 (often with a byte-order mark), comma-separated, with
/// <c>Name (original name), Email, Join time, Leave time, Duration (minutes), Guest, In waiting room</c>, sometimes
/// after a meeting block (<c>Topic, ID, Host, Duration (minutes), Start time, End time, Participants</c>, its values and
/// a blank line). Older reports write <c>Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes)</c>;
/// the "unique users" report has <c>Total duration (minutes)</c> and no times. Rows of people still in the waiting
/// room (<c>In waiting room</c> = <c>Yes</c>) are left out: they were not in the meeting.</para>
/// <para><b>Which table.</b> The first row that has a name column (<c>Name</c>, <c>Full Name</c>,
/// <c>Name (original name)</c>) and a join, leave, duration or action column is the header; the table runs to the
/// next blank line or section title. Column names are matched without regard to case. The Participant ID (UPN)
/// column is never read as an email.</para>
/// <para><b>Dates.</b> No time zone is written: times are the organiser's wall clock and are taken as London time.
/// The order of day and month depends on the organiser's settings (<c>11/22/24, 2:01:05 PM</c> or
/// <c>22/11/2024, 14:01:05</c>), so it is decided once for the whole file: if only one order makes every date in the
/// file valid, that one; if both do, month-first when the times have AM/PM (the United States format) and day-first
/// when they use a 24-hour clock (the United Kingdom format). Dates with dots are day-first and dates starting with a
/// four-digit year are year-month-day.</para>
/// <para><b>Minutes.</b> Teams durations are rounded to the nearest minute (halves up); Zoom gives whole minutes.</para>
/// <para>Anything else (an empty file, no participant table, a date or duration that cannot be read, an unknown
/// action) throws <see cref="AttendanceReportFormatException"/> with the line and the reason.</para>
/// </remarks>
public static partial class AttendanceReportParser
{
    /// <summary>The largest file read, in bytes (10 MB); reports of a few hundred people are a few tens of kilobytes.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly string[] NameColumns = ["name", "full name", "name (original name)", "user name (original name)", "participant name", "participant"];
    private static readonly string[] EmailColumns = ["email", "user email", "email address", "e-mail", "e-mail address"];
    private static readonly string[] JoinColumns = ["first join", "join time", "first join time", "joined"];
    private static readonly string[] LeaveColumns = ["last leave", "leave time", "last leave time", "left"];
    private static readonly string[] DurationColumns = ["in-meeting duration", "duration", "attendance duration"];
    private static readonly string[] MinuteColumns = ["duration (minutes)", "total duration (minutes)", "time in session (minutes)"];
    private static readonly string[] WaitingRoomColumns = ["in waiting room"];
    private static readonly string[] ActionColumns = ["user action", "action"];
    private static readonly string[] TimestampColumns = ["timestamp", "time"];

    [GeneratedRegex(@"^\d+\.\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex SectionTitle();

    /// <summary>Reads a report; throws <see cref="AttendanceReportFormatException"/> naming the line and the reason.</summary>
    public static AttendanceReport Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ParseText(Decode(ReadAll(stream)));
    }

    /// <summary>Reads a report that is already text.</summary>
    public static AttendanceReport ParseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new AttendanceReportFormatException(null, "The file is empty.");
        }

        var records = ReadRecords(text, text.Contains('\t', StringComparison.Ordinal) ? "\t" : ",");
        var headerIndex = records.FindIndex(r => Columns.TryFind(r.Cells) is not null);
        if (headerIndex < 0)
        {
            throw new AttendanceReportFormatException(null,
                "No list of participants was found. Upload the attendance report downloaded from Microsoft Teams, or the participants report from Zoom: " +
                "it needs a header row with a Name column and join, leave or duration columns.");
        }
        var header = records[headerIndex];
        var columns = Columns.TryFind(header.Cells)!;
        var format = columns.IsZoom ? AttendanceReportFormat.Zoom : AttendanceReportFormat.Teams;

        var table = new List<Record>();
        foreach (var record in records.Skip(headerIndex + 1))
        {
            if (record.IsBlank || record.IsSectionTitle)
            {
                break;
            }
            table.Add(record);
        }

        var timestamps = ReadTimestamps(table, columns, header.Cells);
        var monthFirst = DecideDateOrder(timestamps);
        var rows = columns.IsActionLog
            ? ActionLogRows(table, columns, header.Cells, timestamps, monthFirst)
            : TableRows(table, columns, header.Cells, timestamps, monthFirst);
        return new AttendanceReport(format, rows);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new AttendanceReportFormatException(null, $"The file is larger than {MaxBytes / (1024 * 1024)} MB, which no attendance report is.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// UTF-16 (by its byte-order mark, or by the zero bytes of ASCII text without one), else UTF-8; text that is not
    /// valid UTF-8 (a file saved again by an old spreadsheet) is read as Latin-1.
    /// </summary>
    internal static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return StrictUtf8(bytes, 3) ?? Encoding.Latin1.GetString(bytes, 3, bytes.Length - 3);
        }
        if (bytes.Length >= 4 && bytes.Length % 2 == 0)
        {
            var sample = Math.Min(bytes.Length, 512) & ~1;
            var evenZeros = 0;
            var oddZeros = 0;
            for (var i = 0; i < sample; i += 2)
            {
                evenZeros += bytes[i] == 0 ? 1 : 0;
                oddZeros += bytes[i + 1] == 0 ? 1 : 0;
            }
            if (oddZeros * 10 >= sample / 2 * 9 && evenZeros == 0)
            {
                return Encoding.Unicode.GetString(bytes);
            }
            if (evenZeros * 10 >= sample / 2 * 9 && oddZeros == 0)
            {
                return Encoding.BigEndianUnicode.GetString(bytes);
            }
        }
        return StrictUtf8(bytes, 0) ?? Encoding.Latin1.GetString(bytes);
    }

    private static string? StrictUtf8(byte[] bytes, int offset)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static List<Record> ReadRecords(string text, string delimiter)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
            Mode = CsvMode.RFC4180,
        };
        var records = new List<Record>();
        using var parser = new CsvParser(new StringReader(text), config);
        var line = 1;
        try
        {
            while (parser.Read())
            {
                var cells = (parser.Record ?? []).Select(c => c.Trim()).ToArray();
                // A quoted cell of a report may span lines; any other control character is refused.
                var refused = Array.FindIndex(cells, c => ControlCharacters.Contains(c, multiline: true));
                if (refused >= 0)
                {
                    throw new AttendanceReportFormatException(line, $"Field {refused + 1} {ControlCharacters.Problem(cells[refused], multiline: true)}.");
                }
                records.Add(new Record(line, cells));
                line = parser.RawRow + 1;
            }
        }
        catch (CsvHelperException e)
        {
            throw new AttendanceReportFormatException(line, $"The file cannot be read as {(delimiter == "\t" ? "tab" : "comma")}-separated text: {e.Message.Split('\n')[0]}");
        }
        return records;
    }

    private static Dictionary<(int Line, int Column), ReportTimestamp> ReadTimestamps(List<Record> table, Columns columns, string[] header)
    {
        var found = new Dictionary<(int, int), ReportTimestamp>();
        foreach (var record in table)
        {
            foreach (var column in new[] { columns.Join, columns.Leave, columns.Timestamp })
            {
                var text = record.Cell(column);
                if (text is null)
                {
                    continue;
                }
                var timestamp = ReportTimestamp.TryRead(text)
                    ?? throw new AttendanceReportFormatException(record.Line, $"\"{text}\" in the {header[column]} column is not a date and time.");
                found[(record.Line, column)] = timestamp;
            }
        }
        return found;
    }

    /// <summary>Month-first or day-first for the whole file (see the remarks on the class).</summary>
    private static bool DecideDateOrder(Dictionary<(int Line, int Column), ReportTimestamp> timestamps)
    {
        var ambiguous = timestamps.Where(t => t.Value.DateOrder == ReportTimestamp.Order.Ambiguous).OrderBy(t => t.Key.Line).ToList();
        var monthFirstWorks = ambiguous.All(t => t.Value.Read(monthFirst: true) is not null);
        var dayFirstWorks = ambiguous.All(t => t.Value.Read(monthFirst: false) is not null);
        if (monthFirstWorks && dayFirstWorks)
        {
            return ambiguous.Any(t => t.Value.TwelveHour);
        }
        if (monthFirstWorks || dayFirstWorks)
        {
            return monthFirstWorks;
        }
        var neither = ambiguous.FirstOrDefault(t => t.Value.Read(true) is null && t.Value.Read(false) is null);
        if (neither.Value is not null)
        {
            throw new AttendanceReportFormatException(neither.Key.Line, "A date in this row does not exist, whichever of day and month comes first.");
        }
        var first = ambiguous.First(t => t.Value.Read(monthFirst: true) is null);
        throw new AttendanceReportFormatException(first.Key.Line,
            "The dates in this file are written both month-first and day-first, so none of them can be trusted.");
    }

    private static List<AttendanceReportRow> TableRows(
        List<Record> table, Columns columns, string[] header, Dictionary<(int Line, int Column), ReportTimestamp> timestamps, bool monthFirst)
    {
        var rows = new List<AttendanceReportRow>();
        foreach (var record in table)
        {
            if (string.Equals(record.Cell(columns.WaitingRoom), "yes", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            LocalDateTime? At(int column) =>
                timestamps.TryGetValue((record.Line, column), out var t) ? t.Read(monthFirst) : null;
            var join = At(columns.Join);
            var leave = At(columns.Leave);
            if (join is not null && leave is not null && leave < join)
            {
                throw new AttendanceReportFormatException(record.Line, $"The {header[columns.Leave]} time is before the {header[columns.Join]} time.");
            }
            rows.Add(new AttendanceReportRow(
                record.Line,
                record.Cell(columns.Name) ?? "",
                record.Cell(columns.Email),
                join,
                leave,
                Minutes(record, columns, header)));
        }
        return rows;
    }

    private static int? Minutes(Record record, Columns columns, string[] header)
    {
        if (record.Cell(columns.Minutes) is { } minutes)
        {
            return decimal.TryParse(minutes, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value < 100_000
                ? (int)Math.Round(value, MidpointRounding.AwayFromZero)
                : throw new AttendanceReportFormatException(record.Line, $"\"{minutes}\" in the {header[columns.Minutes]} column is not a number of minutes.");
        }
        if (record.Cell(columns.Duration) is { } duration)
        {
            var seconds = ReportDuration.TryReadSeconds(duration)
                ?? throw new AttendanceReportFormatException(record.Line, $"\"{duration}\" in the {header[columns.Duration]} column is not a duration such as 1h 5m 20s.");
            return ReportDuration.ToMinutes(seconds);
        }
        return null;
    }

    /// <summary>The oldest Teams report: one line per join or leave. Each name becomes one row, at its first line.</summary>
    private static List<AttendanceReportRow> ActionLogRows(
        List<Record> table, Columns columns, string[] header, Dictionary<(int Line, int Column), ReportTimestamp> timestamps, bool monthFirst)
    {
        var people = new Dictionary<string, Visits>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in table)
        {
            var name = record.Cell(columns.Name)
                ?? throw new AttendanceReportFormatException(record.Line, $"The {header[columns.Name]} column is empty.");
            var action = record.Cell(columns.Action)
                ?? throw new AttendanceReportFormatException(record.Line, $"The {header[columns.Action]} column is empty.");
            var at = timestamps.TryGetValue((record.Line, columns.Timestamp), out var t) ? t.Read(monthFirst) : null;
            if (at is null)
            {
                throw new AttendanceReportFormatException(record.Line, $"The {header[columns.Timestamp]} column is empty.");
            }
            if (!people.TryGetValue(name, out var visits))
            {
                visits = new Visits(record.Line);
                people.Add(name, visits);
                order.Add(name);
            }
            switch (action.ToUpperInvariant())
            {
                case "JOINED":
                case "JOINED BEFORE":
                    visits.Join(at.Value);
                    break;
                case "LEFT":
                    visits.Leave(at.Value);
                    break;
                default:
                    throw new AttendanceReportFormatException(record.Line, $"\"{action}\" is not a user action (Joined, Joined before or Left).");
            }
        }
        return [.. order.Select(name =>
        {
            var v = people[name];
            return new AttendanceReportRow(v.FirstLine, name, null, v.FirstJoin, v.LastLeave, v.Minutes);
        })];
    }

    private sealed class Visits(int firstLine)
    {
        private LocalDateTime? _openSince;
        private long _seconds;
        private bool _unclosed;

        public int FirstLine { get; } = firstLine;
        public LocalDateTime? FirstJoin { get; private set; }
        public LocalDateTime? LastLeave { get; private set; }
        public int? Minutes => _unclosed || FirstJoin is null ? null : ReportDuration.ToMinutes(_seconds);

        public void Join(LocalDateTime at)
        {
            FirstJoin ??= at;
            _openSince ??= at;
            _unclosed = true;
            LastLeave = null;
        }

        public void Leave(LocalDateTime at)
        {
            if (_openSince is { } since && at >= since)
            {
                _seconds += (long)Period.Between(since, at, PeriodUnits.Seconds).Seconds;
            }
            _openSince = null;
            _unclosed = false;
            LastLeave = at;
        }
    }

    private sealed record Record(int Line, string[] Cells)
    {
        public bool IsBlank => Cells.All(c => c.Length == 0);

        public bool IsSectionTitle => Cells.Length > 0 && SectionTitle().IsMatch(Cells[0]) && Cells.Skip(1).All(c => c.Length == 0);

        /// <summary>The trimmed cell, or null when the column is missing, the row is short or the cell is empty.</summary>
        public string? Cell(int column) => column >= 0 && column < Cells.Length && Cells[column].Length > 0 ? Cells[column] : null;
    }

    private sealed record Columns(int Name, int Email, int Join, int Leave, int Duration, int Minutes, int WaitingRoom, int Action, int Timestamp, bool IsZoom)
    {
        public bool IsActionLog => Join < 0 && Leave < 0 && Action >= 0 && Timestamp >= 0;

        public static Columns? TryFind(string[] cells)
        {
            var names = cells.Select(Normalise).ToArray();
            int Find(string[] candidates) => Array.FindIndex(names, n => candidates.Contains(n, StringComparer.Ordinal));
            var name = Find(NameColumns);
            var columns = new Columns(
                name, Find(EmailColumns), Find(JoinColumns), Find(LeaveColumns), Find(DurationColumns), Find(MinuteColumns),
                Find(WaitingRoomColumns), Find(ActionColumns), Find(TimestampColumns),
                IsZoom: names.Any(n => n.Contains("(minutes)", StringComparison.Ordinal) || n.Contains("(original name)", StringComparison.Ordinal) || n == "in waiting room"));
            var hasTimes = columns.Join >= 0 || columns.Leave >= 0 || columns.Duration >= 0 || columns.Minutes >= 0 || (columns.Action >= 0 && columns.Timestamp >= 0);
            return name >= 0 && hasTimes ? columns : null;
        }

        private static string Normalise(string cell) =>
            string.Join(' ', cell.Trim('\uFEFF', ' ', '"').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
