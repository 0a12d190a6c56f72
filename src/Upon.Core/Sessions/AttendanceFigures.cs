using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Sessions;

/// <summary>One person's booking on one session, with their mark if one has been recorded.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="Strand">The programme strand the session belongs to.</param>
/// <param name="Cohort">The cohort, or null for sessions open to every cohort.</param>
/// <param name="Type">The kind of session.</param>
/// <param name="SessionDate">The session's (first) date in London.</param>
/// <param name="Mark">The mark, or null when they were expected (booked) but have not been marked yet.</param>
public sealed record AttendanceFact(
    int SessionId,
    int ParticipantId,
    string Strand,
    string? Cohort,
    SessionType Type,
    LocalDate SessionDate,
    AttendanceMark? Mark);

/// <summary>What <see cref="AttendanceFigures.By"/> groups by.</summary>
public enum AttendanceGrouping
{
    /// <summary>The programme strand the session belongs to.</summary>
    Strand,

    /// <summary>The session's cohort; sessions open to every cohort form their own group.</summary>
    Cohort,

    /// <summary>The kind of session.</summary>
    SessionType,

    /// <summary>The calendar month of the session's date.</summary>
    Month,
}

/// <summary>The attendance figures of one group. See <see cref="AttendanceFigures"/> for the definitions.</summary>
public sealed record AttendanceGroupRow(
    string Key,
    string Label,
    int Sessions,
    int Marked,
    int Present,
    int Late,
    int LeftEarly,
    int Excused,
    int Absent,
    int Attended,
    double? AttendanceRate,
    int Expected);

/// <summary>A person whose two most recent marked sessions were both missed.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="PreviousSessionId">The earlier of the two sessions.</param>
/// <param name="PreviousDate">Its date.</param>
/// <param name="PreviousMark">Its mark: absent or excused.</param>
/// <param name="LatestSessionId">The most recent marked session.</param>
/// <param name="LatestDate">Its date.</param>
/// <param name="LatestMark">Its mark: absent or excused.</param>
public sealed record MissedStreak(
    int ParticipantId,
    int PreviousSessionId,
    LocalDate PreviousDate,
    AttendanceMark PreviousMark,
    int LatestSessionId,
    LocalDate LatestDate,
    AttendanceMark LatestMark);

/// <summary>Attendance figures for reports and for following people up.</summary>
/// <remarks>
/// <para>Each fact is one person booked on one session. Definitions, per group:</para>
/// <list type="table">
/// <item><term>Sessions</term><description>distinct sessions with at least one booking in the group.</description></item>
/// <item><term>Expected</term><description>bookings, marked or not.</description></item>
/// <item><term>Marked</term><description>bookings with a mark.</description></item>
/// <item><term>Present, Late, LeftEarly, Excused, Absent</term><description>bookings with that mark.</description></item>
/// <item><term>Attended</term><description>Present + Late + LeftEarly.</description></item>
/// <item><term>AttendanceRate</term><description>Attended / Marked, rounded to 4 decimal places (halves away from
/// zero); null when nothing is marked. Unmarked bookings are left out, so a session not yet marked does not lower the
/// rate. Excused counts as not attended.</description></item>
/// </list>
/// <para>Groups: by strand (key and label the strand's name, ordered by name); by cohort (key the cohort, label the
/// cohort or "No cohort" for sessions open to all, which come last); by session type (key the type's code, label its
/// name, in the order of <see cref="SessionType"/>); by month (key <c>2025-03</c>, label <c>March 2025</c>, in date
/// order). Only groups with bookings appear.</para>
/// <para>The same person booked twice on one session is an error in the input (<see cref="ArgumentException"/>).</para>
/// </remarks>
public static class AttendanceFigures
{
    /// <summary>The label of the group of sessions that have no cohort.</summary>
    public const string NoCohortLabel = "No cohort";

    private static readonly YearMonthPattern MonthKey = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM");
    private static readonly YearMonthPattern MonthLabel = YearMonthPattern.Create("MMMM uuuu", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The figures per group, in the order described in the remarks.</summary>
    public static IReadOnlyList<AttendanceGroupRow> By(IEnumerable<AttendanceFact> facts, AttendanceGrouping grouping)
    {
        var list = Checked(facts);
        return grouping switch
        {
            AttendanceGrouping.Strand => [.. list
                .GroupBy(f => f.Strand, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key, g.Key, g))],
            AttendanceGrouping.Cohort => [.. list
                .GroupBy(f => f.Cohort, StringComparer.Ordinal)
                .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key ?? "", g.Key ?? NoCohortLabel, g))],
            AttendanceGrouping.SessionType => [.. list
                .GroupBy(f => f.Type)
                .OrderBy(g => g.Key)
                .Select(g => Row(g.Key.ToCode(), g.Key.DisplayName(), g))],
            AttendanceGrouping.Month => [.. list
                .GroupBy(f => f.SessionDate.ToYearMonth())
                .OrderBy(g => g.Key)
                .Select(g => Row(MonthKey.Format(g.Key), MonthLabel.Format(g.Key), g))],
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
        };
    }

    /// <summary>The label of <see cref="Total"/>'s row.</summary>
    public const string TotalLabel = "All sessions";

    /// <summary>
    /// The figures of all the facts together (key <c>all</c>, label <see cref="TotalLabel"/>), with the same definitions
    /// as <see cref="By"/>: a programme's total, or one person's attendance record.
    /// </summary>
    public static AttendanceGroupRow Total(IEnumerable<AttendanceFact> facts) => Row("all", TotalLabel, Checked(facts));

    /// <summary>
    /// People whose two most recent marked sessions were both missed (absent or excused), to follow up.
    /// </summary>
    /// <remarks>
    /// For each person, their marked sessions are put in date order (sessions on the same date by session id) and the
    /// last two are looked at; unmarked bookings are ignored. Someone with fewer than two marked sessions is never
    /// listed. Ordered by the latest missed date, most recent first, then by participant id.
    /// </remarks>
    public static IReadOnlyList<MissedStreak> MissedTwoInARow(IEnumerable<AttendanceFact> facts)
    {
        var streaks = new List<MissedStreak>();
        foreach (var person in Checked(facts).Where(f => f.Mark is not null).GroupBy(f => f.ParticipantId))
        {
            var lastTwo = person.OrderBy(f => f.SessionDate).ThenBy(f => f.SessionId).TakeLast(2).ToList();
            if (lastTwo.Count == 2 && lastTwo.All(f => IsMissed(f.Mark!.Value)))
            {
                var (previous, latest) = (lastTwo[0], lastTwo[1]);
                streaks.Add(new MissedStreak(person.Key, previous.SessionId, previous.SessionDate, previous.Mark!.Value,
                    latest.SessionId, latest.SessionDate, latest.Mark!.Value));
            }
        }
        return [.. streaks.OrderByDescending(s => s.LatestDate).ThenBy(s => s.ParticipantId)];
    }

    /// <summary>Whether a mark counts as missing the session: absent or excused.</summary>
    public static bool IsMissed(AttendanceMark mark) => mark is AttendanceMark.Absent or AttendanceMark.Excused;

    private static List<AttendanceFact> Checked(IEnumerable<AttendanceFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts.ToList();
        var seen = new HashSet<(int, int)>();
        foreach (var fact in list)
        {
            if (!seen.Add((fact.SessionId, fact.ParticipantId)))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Participant {fact.ParticipantId} is booked twice on session {fact.SessionId}."), nameof(facts));
            }
        }
        return list;
    }

    private static AttendanceGroupRow Row(string key, string label, IEnumerable<AttendanceFact> group)
    {
        var facts = group.ToList();
        int Count(AttendanceMark mark) => facts.Count(f => f.Mark == mark);
        var marked = facts.Count(f => f.Mark is not null);
        var present = Count(AttendanceMark.Present);
        var late = Count(AttendanceMark.Late);
        var leftEarly = Count(AttendanceMark.LeftEarly);
        var attended = present + late + leftEarly;
        return new AttendanceGroupRow(
            key,
            label,
            facts.Select(f => f.SessionId).Distinct().Count(),
            marked,
            present,
            late,
            leftEarly,
            Count(AttendanceMark.Excused),
            Count(AttendanceMark.Absent),
            attended,
            marked == 0 ? null : Math.Round((double)attended / marked, 4, MidpointRounding.AwayFromZero),
            facts.Count);
    }
}
