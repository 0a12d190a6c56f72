using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Sessions;

/// <summary>
/// Session times are entered as London wall-clock times. This turns them into instants and refuses the times that
/// a clock change makes meaningless.
/// </summary>
/// <remarks>
/// When the clocks go forward (last Sunday of March, 01:00 becomes 02:00) the times from 01:00 to 01:59 do not happen.
/// When they go back (last Sunday of October, 02:00 becomes 01:00) the times from 01:00 to 01:59 happen twice. Both
/// are refused rather than moved, so that nobody is sent to a session an hour away from what was typed.
/// </remarks>
public static class SessionTimes
{
    /// <summary>
    /// The most London calendar days a session may cover, its first and last day included (residentials are usually
    /// two): a session starting on 1 July may end on 14 July at any time, not on 15 July. Counted in local days, so the
    /// clock change in October or March makes no difference.
    /// </summary>
    public const int MaxDays = 14;

    /// <summary>"A session can last at most 14 days": why a session's days are over <see cref="MaxDays"/>.</summary>
    public static readonly string TooLong = $"A session can last at most {MaxDays} days";

    /// <summary>Whether a session from <paramref name="first"/> to <paramref name="last"/> (London days) is within <see cref="MaxDays"/>.</summary>
    public static bool IsWithinMaxDays(LocalDate first, LocalDate last) => Period.DaysBetween(first, last) < MaxDays;

    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("d MMMM uuuu 'at' HH:mm");

    /// <summary>The time in London; throws <see cref="SessionTimeException"/> when it does not exist or is ambiguous.</summary>
    public static ZonedDateTime ToZoned(LocalDateTime local)
    {
        var mapping = Time.London.MapLocal(local);
        return mapping.Count switch
        {
            1 => mapping.Single(),
            0 => throw new SessionTimeException(
                $"{Shown.Format(local)} does not exist in London: the clocks go forward from {Shown.Format(mapping.EarlyInterval.IsoLocalEnd)} to " +
                $"{Shown.Format(mapping.LateInterval.IsoLocalStart)}. Choose another time."),
            _ => throw new SessionTimeException(
                $"{Shown.Format(local)} happens twice in London: the clocks go back from {Shown.Format(mapping.EarlyInterval.IsoLocalEnd)} to " +
                $"{Shown.Format(mapping.LateInterval.IsoLocalStart)}. Choose another time."),
        };
    }

    /// <summary>The instant of a London time; throws <see cref="SessionTimeException"/> as <see cref="ToZoned"/> does.</summary>
    public static Instant ToInstant(LocalDateTime local) => ToZoned(local).ToInstant();

    /// <summary>
    /// Checks a session's start and end: both exist in London, the end is after the start, and the session lasts at
    /// most <see cref="MaxDays"/> London days (<see cref="IsWithinMaxDays"/>, the rule the forms and the API apply). Throws <see cref="SessionTimeException"/> otherwise.
    /// </summary>
    public static void ValidateSpan(LocalDateTime start, LocalDateTime end)
    {
        var from = ToInstant(start);
        var to = ToInstant(end);
        if (to <= from)
        {
            throw new SessionTimeException($"The end ({Shown.Format(end)}) must be after the start ({Shown.Format(start)}).");
        }
        if (!IsWithinMaxDays(start.Date, end.Date))
        {
            throw new SessionTimeException($"A session can last at most {MaxDays} days; {Shown.Format(start)} to {Shown.Format(end)} is longer.");
        }
    }

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

/// <summary>A session time that cannot be used; the message says why, in words fit for a form.</summary>
public sealed class SessionTimeException : Exception
{
    /// <summary>Says why the session time cannot be used.</summary>
    /// <param name="message">Why, in words fit to show.</param>
    public SessionTimeException(string message) : base(message)
    {
    }

    /// <summary>Says why the session time cannot be used, keeping the failure that caused it.</summary>
    /// <param name="message">Why, in words fit to show.</param>
    /// <param name="innerException">The underlying failure.</param>
    public SessionTimeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Says that the session time cannot be used, without saying why.</summary>
    public SessionTimeException()
    {
    }
}
