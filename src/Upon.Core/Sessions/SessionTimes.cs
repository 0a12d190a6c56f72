using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Sessions;

/// <summary>
/// Session times are wall-clock times in London. Most map to exactly one instant; the hour skipped when the clocks go
/// forward maps to none, and the hour repeated when they go back maps to two. Sessions may start or end at neither.
/// </summary>
public static class SessionTimes
{
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("dddd d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern Clock = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The instant of a wall-clock time in London, or why there is not exactly one ("There is no 01:30 on Sunday 28 March
    /// 2027 in London: the clocks go forward from 01:00 to 02:00").
    /// </summary>
    public static bool TryResolve(LocalDateTime local, out Instant instant, [NotNullWhen(false)] out string? problem)
    {
        var mapping = Time.London.MapLocal(local);
        switch (mapping.Count)
        {
            case 1:
                instant = mapping.Single().ToInstant();
                problem = null;
                return true;
            case 0:
            {
                // The gap: the clocks jump from the end of the earlier interval to the start of the later one.
                var change = mapping.LateInterval.Start;
                var before = change.WithOffset(mapping.EarlyInterval.WallOffset).LocalDateTime.TimeOfDay;
                var after = change.WithOffset(mapping.LateInterval.WallOffset).LocalDateTime.TimeOfDay;
                instant = default;
                problem = $"There is no {Clock.Format(local.TimeOfDay)} on {Day.Format(local.Date)} in London: the clocks go forward from {Clock.Format(before)} to {Clock.Format(after)}";
                return false;
            }
            default:
            {
                var change = mapping.LateInterval.Start;
                var before = change.WithOffset(mapping.EarlyInterval.WallOffset).LocalDateTime.TimeOfDay;
                var after = change.WithOffset(mapping.LateInterval.WallOffset).LocalDateTime.TimeOfDay;
                instant = default;
                problem = $"{Clock.Format(local.TimeOfDay)} on {Day.Format(local.Date)} happens twice in London: the clocks go back from {Clock.Format(before)} to {Clock.Format(after)}";
                return false;
            }
        }
    }
}
