using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Sessions;

/// <summary>A person booked on the session, whom a report row may be matched to.</summary>
public sealed record ExpectedAttendee(int ParticipantId, string Email, string Name);

/// <summary>A mark the matcher proposes for one person, with the minutes they attended and why.</summary>
public sealed record ProposedMark(int ParticipantId, AttendanceMark Mark, int? Minutes, string Reason);

/// <summary>A report row that was not matched to anyone, and why.</summary>
public sealed record UnmatchedRow(int Line, string Name, string? Email, string Reason);

/// <summary>What <see cref="AttendanceMatcher.Match"/> found.</summary>
/// <param name="Marks">One proposed mark per expected person found in the report, in the order of <c>expected</c>.</param>
/// <param name="Unmatched">Rows that belong to nobody expected, in file order.</param>
/// <param name="NotInReport">Expected people with no row in the report, in the order of <c>expected</c>. They get no mark.</param>
public sealed record AttendanceMatchResult(
    IReadOnlyList<ProposedMark> Marks,
    IReadOnlyList<UnmatchedRow> Unmatched,
    IReadOnlyList<ExpectedAttendee> NotInReport);

/// <summary>The thresholds <see cref="AttendanceMatcher"/> uses.</summary>
public sealed record AttendanceMatchOptions
{
    /// <summary>The default options: 10 minutes either way, 75% of the session.</summary>
    public static AttendanceMatchOptions Default { get; } = new();

    /// <summary>Joining more than this many minutes after the start is late. Default 10.</summary>
    public int LateAfterMinutes { get; init; } = 10;

    /// <summary>Leaving more than this many minutes before the end is leaving early. Default 10.</summary>
    public int LeftEarlyMinutes { get; init; } = 10;

    /// <summary>When only minutes are known, the share of the scheduled length that counts as present. Default 0.75.</summary>
    public double PresentShare { get; init; } = 0.75;
}

/// <summary>
/// Proposes attendance marks for a session from a Teams or Zoom report. People are matched by email only; the page
/// shows the proposals for a person to confirm.
/// </summary>
/// <remarks>
/// <para><b>Matching.</b> A row belongs to the expected person whose email equals the row's, ignoring case and
/// surrounding spaces. Names are never used: a row without an email, or whose email is nobody's, is listed in
/// <see cref="AttendanceMatchResult.Unmatched"/> with the reason, and so is a row whose email belongs to more than one
/// expected person. Several rows for one person (they left and rejoined, or joined on two devices) are combined: the
/// earliest join, the latest leave, and the minutes added up (a row with a join and a leave but no minutes counts the
/// time between them).</para>
/// <para><b>Marks</b>, with <c>start</c> and <c>end</c> the scheduled times:</para>
/// <list type="bullet">
/// <item>When join or leave times are known: <see cref="AttendanceMark.Late"/> if the earliest join is more than
/// <see cref="AttendanceMatchOptions.LateAfterMinutes"/> after the start; otherwise
/// <see cref="AttendanceMark.LeftEarly"/> if the latest leave is more than
/// <see cref="AttendanceMatchOptions.LeftEarlyMinutes"/> before the end; otherwise
/// <see cref="AttendanceMark.Present"/>. Someone both late and leaving early is marked late, and the reason says
/// both. A missing time is not held against anyone (Teams leaves the leave time empty for someone still in the
/// meeting).</item>
/// <item>When only minutes are known: <see cref="AttendanceMark.Present"/> if they are at least
/// <see cref="AttendanceMatchOptions.PresentShare"/> (75%) of the scheduled length, otherwise
/// <see cref="AttendanceMark.LeftEarly"/>.</item>
/// <item>When the report gives neither times nor minutes: <see cref="AttendanceMark.Present"/>, because the report
/// lists them as attending.</item>
/// </list>
/// <para>A person whose every time in the report lies outside the session (they left before it started, or joined
/// after it ended) gets no mark: their rows are listed as unmatched, because the report is probably for another
/// meeting or its dates were misread, and nothing is guessed.</para>
/// <para>Expected people with no row get no mark; they are listed in <see cref="AttendanceMatchResult.NotInReport"/>
/// and the page decides (absent, or excused if they sent apologies).</para>
/// </remarks>
public static class AttendanceMatcher
{
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDateTimePattern DateAndClock = LocalDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH:mm");

    /// <summary>Matches the report's rows to the expected people and proposes their marks.</summary>
    public static AttendanceMatchResult Match(
        AttendanceReport report,
        IReadOnlyList<ExpectedAttendee> expected,
        LocalDateTime sessionStart,
        LocalDateTime sessionEnd,
        AttendanceMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(options);
        if (sessionEnd <= sessionStart)
        {
            throw new ArgumentException("The session must end after it starts.", nameof(sessionEnd));
        }
        if (options.LateAfterMinutes < 0 || options.LeftEarlyMinutes < 0 || options.PresentShare is <= 0 or > 1 || double.IsNaN(options.PresentShare))
        {
            throw new ArgumentException("Minutes must not be negative, and the present share must be more than 0 and at most 1.", nameof(options));
        }

        // The same person listed twice is one person.
        var attendees = expected.DistinctBy(e => e.ParticipantId).ToList();
        var byEmail = attendees
            .GroupBy(e => NormaliseEmail(e.Email), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var unmatched = new List<UnmatchedRow>();
        var sharedEmailsInReport = new HashSet<string>(StringComparer.Ordinal);
        var rowsByPerson = new Dictionary<int, List<AttendanceReportRow>>();
        foreach (var row in report.Rows)
        {
            var email = row.Email is null ? "" : NormaliseEmail(row.Email);
            if (email.Length == 0)
            {
                unmatched.Add(new UnmatchedRow(row.Line, row.Name, row.Email, "The report gives no email address, and people are matched by email only."));
            }
            else if (!byEmail.TryGetValue(email, out var people))
            {
                unmatched.Add(new UnmatchedRow(row.Line, row.Name, row.Email, "Nobody booked on this session has this email address."));
            }
            else if (people.Count > 1)
            {
                sharedEmailsInReport.Add(email);
                unmatched.Add(new UnmatchedRow(row.Line, row.Name, row.Email,
                    $"{people.Count} people booked on this session have this email address, so Upon cannot tell whose row this is."));
            }
            else
            {
                var id = people[0].ParticipantId;
                if (!rowsByPerson.TryGetValue(id, out var rows))
                {
                    rows = [];
                    rowsByPerson.Add(id, rows);
                }
                rows.Add(row);
            }
        }

        var marks = new List<ProposedMark>();
        var notInReport = new List<ExpectedAttendee>();
        foreach (var person in attendees)
        {
            if (!rowsByPerson.TryGetValue(person.ParticipantId, out var rows))
            {
                // Someone whose email is shared is in the report, as an unmatched row that says so.
                if (!sharedEmailsInReport.Contains(NormaliseEmail(person.Email)))
                {
                    notInReport.Add(person);
                }
                continue;
            }
            var outcome = Propose(person.ParticipantId, rows, sessionStart, sessionEnd, options);
            if (outcome.Mark is not null)
            {
                marks.Add(outcome.Mark);
            }
            else
            {
                unmatched.AddRange(rows.Select(r => new UnmatchedRow(r.Line, r.Name, r.Email, outcome.Reason)));
            }
        }

        return new AttendanceMatchResult(marks, [.. unmatched.OrderBy(u => u.Line)], notInReport);
    }

    /// <summary>An email as compared: trimmed and in lower case.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    private static (ProposedMark? Mark, string Reason) Propose(
        int participantId, List<AttendanceReportRow> rows, LocalDateTime start, LocalDateTime end, AttendanceMatchOptions options)
    {
        var joins = rows.Where(r => r.FirstJoin is not null).Select(r => r.FirstJoin!.Value).ToList();
        var leaves = rows.Where(r => r.LastLeave is not null).Select(r => r.LastLeave!.Value).ToList();
        LocalDateTime? firstJoin = joins.Count == 0 ? null : joins.Min();
        LocalDateTime? lastLeave = leaves.Count == 0 ? null : leaves.Max();
        var minutes = CombinedMinutes(rows);
        var visits = rows.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({rows.Count} rows combined)");

        if (firstJoin is not null || lastLeave is not null)
        {
            var allBefore = lastLeave is not null && lastLeave <= start && (firstJoin is null || firstJoin < start);
            var allAfter = firstJoin is not null && firstJoin >= end;
            if (allBefore || allAfter)
            {
                return (null,
                    $"The report has this person from {Show(firstJoin, start)} to {Show(lastLeave, start)}, outside the session " +
                    $"({DateAndClock.Format(start)} to {Show(end, start)}). Check that the report is for this session.");
            }

            var lateBy = firstJoin is { } j ? Between(start, j) : Duration.Zero;
            var earlyBy = lastLeave is { } l ? Between(l, end) : Duration.Zero;
            var late = lateBy > Duration.FromMinutes(options.LateAfterMinutes);
            var leftEarly = earlyBy > Duration.FromMinutes(options.LeftEarlyMinutes);
            var facts = new List<string>();
            if (firstJoin is { } joined)
            {
                facts.Add(late ? $"joined at {Show(joined, start)}, {WholeMinutes(lateBy)} minutes after the start" : $"joined at {Show(joined, start)}");
            }
            if (lastLeave is { } left)
            {
                facts.Add(leftEarly ? $"left at {Show(left, start)}, {WholeMinutes(earlyBy)} minutes before the end" : $"left at {Show(left, start)}");
            }
            var missing = firstJoin is null ? " (the report gives no join time)" : lastLeave is null ? " (the report gives no leave time)" : "";
            var mark = late ? AttendanceMark.Late : leftEarly ? AttendanceMark.LeftEarly : AttendanceMark.Present;
            var reason = Capitalise(string.Join("; ", facts)) + missing + visits + ".";
            return (new ProposedMark(participantId, mark, minutes, reason), reason);
        }

        if (minutes is { } attended)
        {
            var scheduled = Math.Max(1, WholeMinutes(Between(start, end)));
            var share = (double)attended / scheduled;
            var present = share >= options.PresentShare;
            var percent = ((int)Math.Round(share * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
            var threshold = ((int)Math.Round(options.PresentShare * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"In the meeting for {attended} of {scheduled} minutes ({percent}%){visits}; {threshold}% or more counts as present.");
            return (new ProposedMark(participantId, present ? AttendanceMark.Present : AttendanceMark.LeftEarly, attended, reason), reason);
        }

        var listed = "Listed in the report, which gives no times or minutes" + visits + ".";
        return (new ProposedMark(participantId, AttendanceMark.Present, null, listed), listed);
    }

    /// <summary>Minutes added up over the rows: each row's stated minutes, or the time between its join and leave.</summary>
    private static int? CombinedMinutes(List<AttendanceReportRow> rows)
    {
        int? total = null;
        foreach (var row in rows)
        {
            var minutes = row.Minutes
                ?? (row.FirstJoin is { } join && row.LastLeave is { } leave ? (int?)Math.Max(0, WholeMinutes(Between(join, leave))) : null);
            if (minutes is not null)
            {
                total = (total ?? 0) + minutes;
            }
        }
        return total;
    }

    /// <summary>The time between two London wall-clock times, measured on the clock (so across a clock change too).</summary>
    private static Duration Between(LocalDateTime from, LocalDateTime to) =>
        Time.London.AtLeniently(to).ToInstant() - Time.London.AtLeniently(from).ToInstant();

    private static int WholeMinutes(Duration duration) => checked((int)Math.Floor(duration.TotalMinutes));

    private static string Show(LocalDateTime? time, LocalDateTime sessionStart) => time switch
    {
        null => "an unknown time",
        { } t when t.Date == sessionStart.Date => Clock.Format(t.TimeOfDay),
        { } t => DateAndClock.Format(t),
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
