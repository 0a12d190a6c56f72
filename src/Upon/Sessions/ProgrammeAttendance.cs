using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>
/// The sessions the programme's attendance figures cover: those starting from <see cref="From"/> to <see cref="To"/>
/// (London dates, both inclusive), of one strand or all.
/// </summary>
public sealed record AttendancePeriod(LocalDate From, LocalDate To, int? StrandId)
{
    /// <summary>The last 12 months, today included: 26 November 2025 to 25 November 2026 on 25 November 2026.</summary>
    public static AttendancePeriod LastTwelveMonths(LocalDate today, int? strandId = null) => new(today.PlusMonths(-12).PlusDays(1), today, strandId);

    /// <summary>
    /// Reads the query of the export links (<c>from</c> and <c>to</c> as <c>2026-11-25</c>, <c>strand</c> an id); a
    /// missing date takes its value from the last 12 months. Null when a value cannot be read or the dates are the
    /// wrong way round.
    /// </summary>
    public static AttendancePeriod? TryRead(string? from, string? to, string? strand, LocalDate today)
    {
        var defaults = LastTwelveMonths(today);
        LocalDate? Read(string? text, LocalDate fallback) =>
            string.IsNullOrWhiteSpace(text) ? fallback : LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } parsed ? parsed.Value : null;
        var first = Read(from, defaults.From);
        var last = Read(to, defaults.To);
        int? strandId = null;
        if (!string.IsNullOrWhiteSpace(strand))
        {
            if (!int.TryParse(strand, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }
            strandId = id;
        }
        return first is { } f && last is { } l && f <= l && PlausibleDates.IsPlausibleSessionDate(f, today) && PlausibleDates.IsPlausibleSessionDate(l, today)
            ? new AttendancePeriod(f, l, strandId)
            : null;
    }

    /// <summary>The query string of this period for the export links: <c>from=2025-11-26&amp;to=2026-11-25&amp;strand=3</c>.</summary>
    public string Query =>
        $"from={From.ToIsoString()}&to={To.ToIsoString()}" + (StrandId is { } id ? $"&strand={id.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");
}

/// <summary>The groupings of the figures, with the codes the exports use (<c>strand</c>, <c>cohort</c>, <c>session-type</c>, <c>month</c>).</summary>
public static class AttendanceGroupings
{
    public static IReadOnlyList<AttendanceGrouping> All { get; } = [AttendanceGrouping.Strand, AttendanceGrouping.Cohort, AttendanceGrouping.SessionType, AttendanceGrouping.Month];

    public static string Code(this AttendanceGrouping grouping) => grouping switch
    {
        AttendanceGrouping.Strand => "strand",
        AttendanceGrouping.Cohort => "cohort",
        AttendanceGrouping.SessionType => "session-type",
        AttendanceGrouping.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, null),
    };

    /// <summary>"Strand", "Cohort", "Session type", "Month".</summary>
    public static string Name(this AttendanceGrouping grouping) => grouping switch
    {
        AttendanceGrouping.SessionType => "Session type",
        _ => grouping.ToString(),
    };

    public static bool TryParse(string? code, out AttendanceGrouping grouping)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                grouping = candidate;
                return true;
            }
        }
        grouping = default;
        return false;
    }
}

/// <summary>Someone whose two most recent marked sessions were both missed, with the people and sessions to show.</summary>
public sealed record MissedTwoInARow(Participant Participant, MissedStreak Streak, Session Previous, Session Latest);

/// <summary>The programme's attendance over a period: the total, each grouping, and who missed two in a row.</summary>
public sealed record ProgrammeAttendanceFigures(
    AttendancePeriod Period,
    Strand? Strand,
    AttendanceGroupRow Total,
    IReadOnlyDictionary<AttendanceGrouping, IReadOnlyList<AttendanceGroupRow>> Groups,
    IReadOnlyList<MissedTwoInARow> MissedTwoInARow,
    IReadOnlyList<ExpectedAttendance> Lines)
{
    public IReadOnlyList<AttendanceGroupRow> By(AttendanceGrouping grouping) => Groups[grouping];
}

/// <summary>Works out the programme's attendance figures with <see cref="AttendanceFigures"/> (definitions there and in the README).</summary>
public sealed class ProgrammeAttendance(UponDbContext db, AttendanceQueries queries)
{
    /// <summary>The figures, or null when the period names a strand that does not exist.</summary>
    public async Task<ProgrammeAttendanceFigures?> FiguresAsync(AttendancePeriod period, CancellationToken cancellationToken = default)
    {
        Strand? strand = null;
        if (period.StrandId is { } strandId && (strand = await db.Strands.AsNoTracking().FirstOrDefaultAsync(s => s.Id == strandId, cancellationToken)) is null)
        {
            return null;
        }
        var lines = await queries.ForPeriodAsync(period.From, period.To, period.StrandId, cancellationToken);
        var facts = lines.Select(l => l.ToFact()).ToList();
        var groups = AttendanceGroupings.All.ToDictionary(g => g, g => AttendanceFigures.By(facts, g));
        var byKey = lines.ToDictionary(l => (l.Session.Id, l.Participant.Id));
        var missed = AttendanceFigures.MissedTwoInARow(facts)
            .Select(s => new MissedTwoInARow(byKey[(s.LatestSessionId, s.ParticipantId)].Participant, s,
                byKey[(s.PreviousSessionId, s.ParticipantId)].Session, byKey[(s.LatestSessionId, s.ParticipantId)].Session))
            .ToList();
        return new ProgrammeAttendanceFigures(period, strand, AttendanceFigures.Total(facts), groups, missed, lines);
    }

    /// <summary>The strands, in display order, for the filter.</summary>
    public async Task<IReadOnlyList<Strand>> StrandsAsync(CancellationToken cancellationToken = default) =>
        await db.Strands.AsNoTracking().OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
}
