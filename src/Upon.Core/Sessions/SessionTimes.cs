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
    /// <summary>The longest a session may last, start to end.</summary>
    public static readonly Duration MaxSpan = Duration.FromDays(14);

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
    /// most <see cref="MaxSpan"/> (14 days). Throws <see cref="SessionTimeException"/> otherwise.
    /// </summary>
    public static void ValidateSpan(LocalDateTime start, LocalDateTime end)
    {
        var from = ToInstant(start);
        var to = ToInstant(end);
        if (to <= from)
        {
            throw new SessionTimeException($"The end ({Shown.Format(end)}) must be after the start ({Shown.Format(start)}).");
        }
        if (to - from > MaxSpan)
        {
            throw new SessionTimeException($"A session can last at most 14 days; {Shown.Format(start)} to {Shown.Format(end)} is longer.");
        }
    }
}

/// <summary>A session time that cannot be used; the message says why, in words fit for a form.</summary>
public sealed class SessionTimeException : Exception
{
    public SessionTimeException(string message) : base(message)
    {
    }

    public SessionTimeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SessionTimeException()
    {
    }
}
