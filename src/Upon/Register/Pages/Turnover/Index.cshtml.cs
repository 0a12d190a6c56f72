using Microsoft.AspNetCore.Authorization;
using Upon.Accounts;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Core.Register;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>One headline figure: its JSON field name, what it is called, its value and a one-line definition.</summary>
/// <param name="Field">The camelCase field name of <see cref="TurnoverFigures"/> (the <c>data-figure</c> attribute).</param>
/// <param name="Value">The value as shown; null when the figure is not available.</param>
/// <param name="DataValue">The value exactly as the JSON gives it (the <c>data-value</c> attribute); empty for null.</param>
/// <param name="Explanation">The definition beneath the figure, or why it is not available.</param>
public sealed record Headline(string Field, string Title, string? Value, string? Unit, string DataValue, string Explanation);

/// <summary>A year's row in the tables, with the values formatted for display.</summary>
public sealed record YearRow(TurnoverFigures Figures, bool Complete, bool Selected);

/// <summary>The turnover dashboard: one financial year's figures, their definitions, charts and every year's table.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(RegisterQueries queries) : PageModel
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The <c>year</c> query value as given, to show back when it is not a financial year.</summary>
    public string? RequestedYear { get; private set; }

    /// <summary>Every year's figures, oldest first (the same as <see cref="TurnoverReport.AllYearsAsync"/>).</summary>
    public IReadOnlyList<TurnoverFigures> AllYears { get; private set; } = [];

    public FinancialYear CurrentYear { get; private set; }

    /// <summary>The year shown when none is asked for (the latest complete one); null when the register is empty.</summary>
    public string? DefaultYear { get; private set; }

    public LocalDate Today { get; private set; }

    /// <summary>The year shown; null when the year asked for is invalid or the register is empty.</summary>
    public FinancialYear? Year { get; private set; }

    public TurnoverFigures? Figures { get; private set; }

    public TurnoverFigures? PreviousFigures { get; private set; }

    public bool YearIsComplete => Year is { } year && year < CurrentYear;

    public IReadOnlyList<Headline> Headlines { get; private set; } = [];

    /// <summary>A sentence on the trend in changes, e.g. "Changes rose for the 3rd year in a row, to 62."</summary>
    public string? TrendSentence { get; private set; }

    public KaplanMeierCurve? Curve { get; private set; }

    public IReadOnlyList<SurvivalPoint> Survival { get; private set; } = [];

    public string ChangesAlt { get; private set; } = "";

    public string SurvivalAlt { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        RequestedYear = year;
        Today = queries.Today;
        CurrentYear = FinancialYear.Containing(Today);
        // The same figures as TurnoverReport.AllYearsAsync, from one read of the register that also gives the survival curve.
        var calculator = await queries.TurnoverAsync(cancellationToken);
        AllYears = calculator.Years(Today);

        DefaultYear = TurnoverYears.Choose(null, AllYears, Today).Figures?.FinancialYear;
        var choice = TurnoverYears.Choose(year, AllYears, Today);
        switch (choice.Outcome)
        {
            case YearChoiceOutcome.Invalid:
                ModelState.AddModelError("year", "Select a financial year from the list, like 2023-24");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case YearChoiceOutcome.NoData:
                return NotFound();
            case YearChoiceOutcome.Empty:
                return Page();
        }

        Year = choice.Year;
        Figures = choice.Figures!;
        PreviousFigures = AllYears.FirstOrDefault(f => f.FinancialYear == choice.Year.Previous().Label);
        Curve = calculator.TenureSurvival(choice.Year);
        Survival = TenureSurvival.At(Curve, TenureSurvival.TableYears);
        Headlines = BuildHeadlines(Figures, choice.Year, Curve, AllYears[0].FinancialYear);
        TrendSentence = Trend(Figures, PreviousFigures);
        ChangesAlt = DescribeChanges(AllYears, Figures, CurrentYear);
        SurvivalAlt = DescribeSurvival(Curve, Survival, choice.Year, Figures.MedianTenureMonths);
        return Page();
    }

    public IEnumerable<YearRow> Rows => AllYears.Select(f => new YearRow(f, f.FinancialYear != CurrentYear.Label, f.FinancialYear == Year?.Label));

    public static string Date(LocalDate date) => date.ToString("d MMMM yyyy", Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>A share (0.0131) as a percentage ("1.31%"), exact to the 4 decimal places published.</summary>
    public static string Percent(double share) => ((decimal)share * 100).ToString("0.##", Culture) + "%";

    public static string Months(double months) => months.ToString("0.##", Culture);

    /// <summary>The value as the JSON writes it, for <c>data-value</c>.</summary>
    public static string Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Raw(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st, 22nd, ...</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13
            ? "th"
            : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public static string? Trend(TurnoverFigures figures, TurnoverFigures? previous) => figures.ConsecutiveYearsRising switch
    {
        >= 2 and var n => $"Changes rose for the {Ordinal(n)} year in a row, to {Number(figures.Changes)}.",
        1 when previous is not null => $"Changes rose from {Number(previous.Changes)} in {previous.FinancialYear} to {Number(figures.Changes)}.",
        0 when previous is not null => figures.Changes == previous.Changes
            ? $"Changes were the same as in {previous.FinancialYear}, at {Number(figures.Changes)}."
            : $"Changes fell from {Number(previous.Changes)} in {previous.FinancialYear} to {Number(figures.Changes)}.",
        _ => null,
    };

    private static List<Headline> BuildHeadlines(TurnoverFigures f, FinancialYear year, KaplanMeierCurve curve, string firstYear)
    {
        var yearEnd = Date(year.LastDay);
        var authorities = $"{Number(f.LocalAuthorities)} authorities";
        return
        [
            new("changes", "Changes of DCS", Number(f.Changes), null, Raw(f.Changes),
                "Times an authority's director changed to a different person, interims included."),
            new("authoritiesWithChange", "Authorities with a change", Number(f.AuthoritiesWithChange), null, Raw(f.AuthoritiesWithChange),
                $"Authorities, of the {authorities} in operation on {yearEnd}, with at least one change."),
            new("authoritiesWithUnplannedChange", "Authorities with an unplanned change", Number(f.AuthoritiesWithUnplannedChange), null,
                Raw(f.AuthoritiesWithUnplannedChange), "Authorities where a director whose departure was unplanned left during the year."),
            new("unplannedChangeRate", "Unplanned change rate", Percent(f.UnplannedChangeRate), null, Raw(f.UnplannedChangeRate),
                $"Authorities with an unplanned change as a share of all {authorities}."),
            new("firstTimeDirectors", "First-time directors", Number(f.FirstTimeDirectors), null, Raw(f.FirstTimeDirectors),
                "Appointments starting in the year of people who had never been a DCS before."),
            new("interimShareAtYearEnd", "Led by an interim or acting DCS", Percent(f.InterimShareAtYearEnd), null, Raw(f.InterimShareAtYearEnd),
                $"Share of the {authorities} whose director on {yearEnd} was interim or acting."),
            f.MeanCompletedTenureMonths is { } mean
                ? new("meanCompletedTenureMonths", "Mean length of completed tenures", Months(mean), "months", Raw(mean),
                    "Average time in post of the directors whose tenure ended in the year.")
                : new("meanCompletedTenureMonths", "Mean length of completed tenures", null, null, "",
                    $"No director's tenure ended in {year.Label}, so there is nothing to average."),
            f.MedianTenureMonths is { } median
                ? new("medianTenureMonths", "Median tenure (Kaplan-Meier)", Months(median), "months", Raw(median),
                    "Half of directors' tenures last longer than this, counting those still running.")
                : new("medianTenureMonths", "Median tenure (Kaplan-Meier)", null, null, "",
                    curve.Steps.Count == 0
                        ? $"No tenure had started by {yearEnd}, so there is nothing to estimate from."
                        : $"Too few tenures had ended by {yearEnd}: the estimated share lasting longer never falls to one half, so there is no median yet."),
            f.ConsecutiveYearsRising is { } rising
                ? new("consecutiveYearsRising", "Consecutive years of rising changes", Number(rising), null, Raw(rising),
                    rising == 0
                        ? "Changes did not rise on the year before."
                        : $"Years in a row, up to {year.Label}, in which changes rose on the year before.")
                : new("consecutiveYearsRising", "Consecutive years of rising changes", null, null, "",
                    $"{firstYear} is the first year in the register, so there is no earlier year to compare with."),
        ];
    }

    private static string DescribeChanges(IReadOnlyList<TurnoverFigures> years, TurnoverFigures selected, FinancialYear current)
    {
        var highest = years.MaxBy(f => f.Changes)!;
        var lowest = years.MinBy(f => f.Changes)!;
        var last = years[^1].FinancialYear == current.Label ? $"{current.Label} (to date)" : years[^1].FinancialYear;
        return $"Bar chart of the number of changes of DCS, and of authorities with a change, in each financial year from " +
            $"{years[0].FinancialYear} to {last}. Changes were highest in {highest.FinancialYear}, at {Number(highest.Changes)}, " +
            $"and lowest in {lowest.FinancialYear}, at {Number(lowest.Changes)}. In {selected.FinancialYear} there were " +
            $"{Number(selected.Changes)} changes in {Number(selected.AuthoritiesWithChange)} authorities. " +
            "The table after the chart gives every year's figures.";
    }

    private static string DescribeSurvival(KaplanMeierCurve curve, IReadOnlyList<SurvivalPoint> points, FinancialYear year, double? medianMonths)
    {
        var start = $"Step chart of the Kaplan-Meier estimate of how long directors' tenures last, as at {Date(year.LastDay)}: " +
            "the share of tenures lasting longer than each number of years.";
        if (curve.Steps.Count == 0)
        {
            return $"{start} No tenure had started by then, so the chart is empty.";
        }
        var last = curve.Steps[^1];
        var range = string.Create(Culture,
            $" It falls from 1 at 0 years to {last.Survival:0.##} at {TenureSurvival.Years(last.Days):0.#} years.");
        var median = curve.MedianDays is { } days && medianMonths is { } months
            ? string.Create(Culture, $" It reaches one half at {TenureSurvival.Years(days):0.#} years: the median tenure is {Months(months)} months.")
            : " It does not fall to one half, so there is no median yet.";
        var table = points.Count == 0 ? "" : " The table after the chart gives the share at " +
            string.Join(", ", points.Take(points.Count - 1).Select(p => p.Years.ToString(Culture))) +
            $" and {points[^1].Years.ToString(Culture)} years.";
        return start + range + median + table;
    }
}
