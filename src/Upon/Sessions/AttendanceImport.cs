using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>A mark proposed from an attendance report for someone on the register, with the matcher's reason.</summary>
public sealed record ProposedLine(RegisterLine Line, ProposedMark Proposal);

/// <summary>What an attendance report would do to a session's register. Nothing has been saved.</summary>
/// <param name="Format">Teams or Zoom.</param>
/// <param name="Rows">The report's rows of people (one person may have several).</param>
/// <param name="Proposed">A mark for each person on the register found in the report, in register order.</param>
/// <param name="Unmatched">Rows that belong to nobody on the register, with the line and why; nothing is guessed.</param>
/// <param name="NotInReport">People on the register the report does not mention.</param>
public sealed record ImportPreview(
    AttendanceReportFormat Format,
    int Rows,
    IReadOnlyList<ProposedLine> Proposed,
    IReadOnlyList<UnmatchedRow> Unmatched,
    IReadOnlyList<RegisterLine> NotInReport)
{
    public AttendanceSource Source => AttendanceImport.SourceOf(Format);

    /// <summary>Whether confirming could change anything.</summary>
    public bool HasAnythingToSave => Proposed.Count > 0 || NotInReport.Any(l => l.Record is null);
}

/// <summary>
/// Reads a Microsoft Teams or Zoom attendance report (<see cref="AttendanceReportParser"/>) and matches its rows by
/// email to the people on a session's register (<see cref="AttendanceMatcher"/>, default thresholds), for the import
/// page to show before anything is saved.
/// </summary>
public static class AttendanceImport
{
    /// <summary>The preview; throws <see cref="AttendanceReportFormatException"/> (with the line and why) for a file it cannot read.</summary>
    public static ImportPreview Preview(SessionRegister register, Stream report)
    {
        ArgumentNullException.ThrowIfNull(register);
        var parsed = AttendanceReportParser.Parse(report);
        var matched = AttendanceMatcher.Match(parsed, register.Expected, register.Session.Start, register.Session.End, AttendanceMatchOptions.Default);
        var proposals = matched.Marks.ToDictionary(m => m.ParticipantId);
        var missing = matched.NotInReport.Select(e => e.ParticipantId).ToHashSet();
        return new ImportPreview(
            parsed.Format,
            parsed.Rows.Count,
            [.. register.Lines.Where(l => proposals.ContainsKey(l.Participant.Id)).Select(l => new ProposedLine(l, proposals[l.Participant.Id]))],
            matched.Unmatched,
            [.. register.Lines.Where(l => missing.Contains(l.Participant.Id))]);
    }

    public static AttendanceSource SourceOf(AttendanceReportFormat format) => format switch
    {
        AttendanceReportFormat.Teams => AttendanceSource.Teams,
        AttendanceReportFormat.Zoom => AttendanceSource.Zoom,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The report format's code in the confirmation form: <c>teams</c> or <c>zoom</c>.</summary>
    public static string Code(AttendanceReportFormat format) => SourceOf(format).ToCode();

    public static bool TryParseSource(string? code, out AttendanceSource source)
    {
        foreach (var format in Enum.GetValues<AttendanceReportFormat>())
        {
            if (string.Equals(Code(format), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                source = SourceOf(format);
                return true;
            }
        }
        source = default;
        return false;
    }
}
