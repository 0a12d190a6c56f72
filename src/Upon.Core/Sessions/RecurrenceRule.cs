using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>
/// How a run of sessions repeats, for creating them in bulk: every N weeks on a weekday
/// (<see cref="EveryWeeks"/>), or the nth weekday of each month (<see cref="MonthlyOn"/>).
/// </summary>
/// <remarks>Build rules with the two factory methods, which check their arguments.</remarks>
public abstract record RecurrenceRule
{
    private protected RecurrenceRule(IsoDayOfWeek day)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentException("Choose a day of the week from Monday to Sunday.", nameof(day));
        }
        Day = day;
    }

    /// <summary>The weekday the sessions fall on.</summary>
    public IsoDayOfWeek Day { get; }

    /// <summary>Every <paramref name="interval"/> weeks (1 to 52) on <paramref name="day"/>.</summary>
    public static RecurrenceRule EveryWeeks(int interval, IsoDayOfWeek day) => new Weekly(interval, day);

    /// <summary>
    /// The <paramref name="ordinal"/>th <paramref name="day"/> of each month: 1 to 4 for the first to the fourth, or -1 for
    /// the last (which is the fifth in a month that has five).
    /// </summary>
    public static RecurrenceRule MonthlyOn(int ordinal, IsoDayOfWeek day) => new Monthly(ordinal, day);

    /// <summary>Every <see cref="Interval"/> weeks on <see cref="RecurrenceRule.Day"/>.</summary>
    public sealed record Weekly : RecurrenceRule
    {
        /// <summary>The most weeks allowed between sessions: a year.</summary>
        public const int MaxInterval = 52;

        /// <summary>Every <paramref name="interval"/> weeks on <paramref name="day"/>.</summary>
        /// <param name="interval">Weeks from one session to the next, 1 to <see cref="MaxInterval"/>.</param>
        /// <param name="day">The day of the week sessions fall on.</param>
        /// <exception cref="ArgumentException">The interval is out of range.</exception>
        public Weekly(int interval, IsoDayOfWeek day) : base(day)
        {
            if (interval is < 1 or > MaxInterval)
            {
                throw new ArgumentException($"The number of weeks between sessions must be from 1 to {MaxInterval}, not {interval}.", nameof(interval));
            }
            Interval = interval;
        }

        /// <summary>Weeks from one session to the next, 1 to 52.</summary>
        public int Interval { get; }
    }

    /// <summary>The <see cref="Ordinal"/>th <see cref="RecurrenceRule.Day"/> of each month.</summary>
    public sealed record Monthly : RecurrenceRule
    {
        /// <summary>The ordinal meaning the last such weekday of the month.</summary>
        public const int Last = -1;

        /// <summary>The <paramref name="ordinal"/>th <paramref name="day"/> of each month.</summary>
        /// <param name="ordinal">1 to 4 for the first to the fourth, or <see cref="Last"/>.</param>
        /// <param name="day">The day of the week sessions fall on.</param>
        /// <exception cref="ArgumentException">The ordinal is out of range.</exception>
        public Monthly(int ordinal, IsoDayOfWeek day) : base(day)
        {
            if (ordinal is not (>= 1 and <= 4 or Last))
            {
                throw new ArgumentException($"The week of the month must be 1 to 4, or -1 for the last, not {ordinal}.", nameof(ordinal));
            }
            Ordinal = ordinal;
        }

        /// <summary>1 to 4, or <see cref="Last"/>.</summary>
        public int Ordinal { get; }
    }
}
