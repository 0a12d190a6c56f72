using NodaTime;
using Upon.Core.Register;

namespace Upon.Register.Pages.Turnover;

/// <summary>What a <c>?year=</c> asked of the turnover dashboard came to.</summary>
internal enum YearChoiceOutcome
{
    /// <summary>A year with figures: the one asked for, or the default.</summary>
    Found,

    /// <summary>The text is not a financial year label such as 2023-24.</summary>
    Invalid,

    /// <summary>A real financial year, outside the years the register has figures for.</summary>
    NoData,

    /// <summary>No year was asked for and the register has no figures at all (no appointments).</summary>
    Empty,
}

internal readonly record struct YearChoice(YearChoiceOutcome Outcome, FinancialYear Year);

/// <summary>Which financial year the turnover dashboard and its charts show.</summary>
internal static class TurnoverYears
{
    /// <summary>
    /// The year asked for, or by default the latest complete financial year (the one before the year containing
    /// <paramref name="today"/>); when the register has no figures for that, the latest year it has.
    /// </summary>
    /// <param name="requested">The <c>year</c> query value; null or empty for the default.</param>
    /// <param name="years">The labels of the years with figures, oldest first.</param>
    public static YearChoice Choose(string? requested, IReadOnlyList<string> years, LocalDate today)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            if (!FinancialYear.TryParse(requested, out var asked))
            {
                return new YearChoice(YearChoiceOutcome.Invalid, default);
            }
            return new YearChoice(years.Contains(asked.Label) ? YearChoiceOutcome.Found : YearChoiceOutcome.NoData, asked);
        }

        if (years.Count == 0)
        {
            return new YearChoice(YearChoiceOutcome.Empty, default);
        }
        var latestComplete = FinancialYear.Containing(today).Previous().Label;
        var chosen = years.Contains(latestComplete) ? latestComplete : years[^1];
        return new YearChoice(YearChoiceOutcome.Found, FinancialYear.Parse(chosen));
    }
}
