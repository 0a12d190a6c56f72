using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>One headline figure: its JSON field name, what it is called, its value and a one-line definition.</summary>
/// <param name="Field">The camelCase field name of <see cref="TurnoverFigures"/> (the <c>data-figure</c> attribute).</param>
/// <param name="Value">The value as shown: null when the figure is not available; suppressed when it is.</param>
/// <param name="DataValue">The value exactly as the JSON gives it (the <c>data-value</c> attribute); empty for null.</param>
/// <param name="Explanation">The definition beneath the figure, or why it is not available.</param>
public sealed record Headline(string Field, string Title, Disclosed<string?> Value, string? Unit, string DataValue, string Explanation);

/// <summary>A year's row in the tables.</summary>
public sealed record YearRow(DisclosedTurnoverFigures Figures, bool Complete, bool Selected);

/// <summary>
/// The turnover dashboard: one financial year's figures, their definitions, charts and every year's table. Staff see the
/// exact figures; the funder sees them with small numbers suppressed (<see cref="FigureDisclosure"/>).
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(RegisterQueries queries, FigureDisclosure disclosure, TurnoverFigureCache turnover, Upon.Shared.Figures.FigureReader figureReader) : PageModel
{
    /// <summary>The key the page's figures are rendered under, once per change of them and per view (<see cref="Upon.Shared.Figures.FigureReader.FragmentKey"/>).</summary>
    public string FragmentKey => figureReader.FragmentKey(HttpContext, SeesExactFigures ? "exact" : "disclosed");

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>How the page shows a suppressed figure: "c" in square brackets, the Government Statistical Service's symbol.</summary>
    public const string SuppressedSymbol = "[" + Disclosed.Symbol + "]";

    /// <summary>The <c>year</c> query value as given, to show back when it is not a financial year.</summary>
    public string? RequestedYear { get; private set; }

    /// <summary>The rule the figures on the page are disclosed under: none for staff.</summary>
    public DisclosureRule Rule { get; private set; } = DisclosureRule.None;

    /// <summary>The rule for the funder, which staff are told about.</summary>
    public DisclosureRule FunderRule => disclosure.Suppression;

    public bool SeesExactFigures { get; private set; }

    /// <summary>Every year's figures, oldest first (the same as <see cref="TurnoverReport.DisclosedYearsAsync"/>).</summary>
    public IReadOnlyList<DisclosedTurnoverFigures> AllYears { get; private set; } = [];

    public FinancialYear CurrentYear { get; private set; }

    /// <summary>The year shown when none is asked for (the latest complete one); null when the register is empty.</summary>
    public string? DefaultYear { get; private set; }

    public LocalDate Today { get; private set; }

    /// <summary>The year shown; null when the year asked for is invalid or the register is empty.</summary>
    public FinancialYear? Year { get; private set; }

    public DisclosedTurnoverFigures? Figures { get; private set; }

    public DisclosedTurnoverFigures? PreviousFigures { get; private set; }

    public bool YearIsComplete => Year is { } year && year < CurrentYear;

    // What only the cached fragment shows is worked out when it is rendered, not on every request that serves it from the
    // cache (a 304 or a fragment hit): the page is bigger than the other figure pages, and this was most of its own work.
    private Func<FragmentContent>? _fragment;
    private FragmentContent? _content;

    private sealed record FragmentContent(
        IReadOnlyList<Headline> Headlines, string? TrendSentence, IReadOnlyList<DisclosedSurvivalPoint> Survival, string ChangesAlt, string SurvivalAlt);

    private FragmentContent? Fragment => _content ??= _fragment?.Invoke();

    public IReadOnlyList<Headline> Headlines => Fragment?.Headlines ?? [];

    /// <summary>A sentence on the trend in changes, e.g. "Changes rose for the 3rd year in a row, to 62."</summary>
    public string? TrendSentence => Fragment?.TrendSentence;

    public IReadOnlyList<DisclosedSurvivalPoint> Survival => Fragment?.Survival ?? [];

    public string ChangesAlt => Fragment?.ChangesAlt ?? "";

    public string SurvivalAlt => Fragment?.SurvivalAlt ?? "";

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        RequestedYear = year;
        SeesExactFigures = FigureDisclosure.SeesExactFigures(User);
        Rule = disclosure.RuleFor(User);
        Today = queries.Today;
        CurrentYear = FinancialYear.Containing(Today);
        // The same figures as TurnoverReport.DisclosedYearsAsync, computed once per change of the register (the figure cache).
        AllYears = await turnover.DisclosedYearsAsync(Rule, cancellationToken);

        var labels = AllYears.Select(f => f.FinancialYear).ToList();
        DefaultYear = TurnoverYears.Choose(null, labels, Today) is { Outcome: YearChoiceOutcome.Found } byDefault ? byDefault.Year.Label : null;
        var choice = TurnoverYears.Choose(year, labels, Today);
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
        Figures = AllYears.Single(f => f.FinancialYear == choice.Year.Label);
        PreviousFigures = AllYears.FirstOrDefault(f => f.FinancialYear == choice.Year.Previous().Label);
        // Read now, so that its tag is part of the page's and the fragment's (FigureReader.PageETag, FragmentKey).
        var fullCurve = await turnover.TenureSurvivalAsync(choice.Year, cancellationToken);
        var (figures, previous, rule, allYears, currentYear, chosen) = (Figures, PreviousFigures, Rule, AllYears, CurrentYear, choice.Year);
        _fragment = () =>
        {
            var curve = DisclosedSurvivalCurve.Disclose(fullCurve, rule);
            var survival = TenureSurvival.At(fullCurve, TenureSurvival.TableYears, rule);
            return new FragmentContent(
                BuildHeadlines(figures, chosen, curve, allYears[0].FinancialYear),
                Trend(figures, previous),
                survival,
                DescribeChanges(allYears, figures, currentYear, rule),
                DescribeSurvival(curve, survival, chosen, figures.MedianTenureMonths, rule));
        };
        // Rendered only when the browser's copy is out of date.
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    public IEnumerable<YearRow> Rows => AllYears.Select(f => new YearRow(f, f.FinancialYear != CurrentYear.Label, f.FinancialYear == Year?.Label));

    public static string Date(LocalDate date) => Upon.Shared.Text.TextFormat.Date(date);

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>A share (0.0131) as a percentage ("1.3%"): <see cref="FigureFormat.Percent"/>.</summary>
    public static string Percent(double share) => FigureFormat.Percent(share);

    /// <summary>A mean or median in months ("24.2"): <see cref="FigureFormat.Average"/>.</summary>
    public static string Months(double months) => FigureFormat.Average(months);

    /// <summary>A count in a sentence: <see cref="SuppressedSymbol"/> when it is suppressed.</summary>
    public static string Number(Disclosed<int> value) => value.TryGetValue(out var shown) ? Number(shown) : SuppressedSymbol;

    /// <summary>The value as the JSON writes it, for <c>data-value</c>: empty for null, and for a suppressed figure.</summary>
    public static string Raw<T>(Disclosed<T> value) => value.IsSuppressed ? "" : value.ToString();

    /// <summary>The counts a rule suppresses, for sentences: "1 to 4" for the usual threshold, "1" for a threshold of 2.</summary>
    public static string SmallCounts(DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Threshold == 2 ? "1" : $"1 to {Number(rule.Threshold - 1)}";
    }

    /// <summary>1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st, 22nd, ...</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13
            ? "th"
            : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>The sentence on the trend; null for the first year, and when the figures it needs are suppressed.</summary>
    public static string? Trend(DisclosedTurnoverFigures figures, DisclosedTurnoverFigures? previous)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!figures.ConsecutiveYearsRising.TryGetValue(out var rising) || !figures.Changes.TryGetValue(out var changes))
        {
            return null;
        }
        int? before = previous is not null && previous.Changes.TryGetValue(out var shown) ? shown : null;
        return rising switch
        {
            >= 2 and var n => $"Changes rose for the {Ordinal(n)} year in a row, to {Number(changes)}.",
            1 when before is { } b => $"Changes rose from {Number(b)} in {previous!.FinancialYear} to {Number(changes)}.",
            0 when before is { } b => changes == b
                ? $"Changes were the same as in {previous!.FinancialYear}, at {Number(changes)}."
                : $"Changes fell from {Number(b)} in {previous!.FinancialYear} to {Number(changes)}.",
            _ => null,
        };
    }

    private static List<Headline> BuildHeadlines(DisclosedTurnoverFigures f, FinancialYear year, DisclosedSurvivalCurve curve, string firstYear)
    {
        var yearEnd = Date(year.LastDay);
        var authorities = $"{Number(f.LocalAuthorities)} authorities";
        Headline Count(string field, string title, Disclosed<int> value, string explanation) =>
            new(field, title, value.Select<string?>(Number), null, Raw(value), explanation);
        Headline Share(string field, string title, Disclosed<double> value, string explanation) =>
            new(field, title, value.Select<string?>(Percent), null, Raw(value), explanation);
        Headline Months(string field, string title, Disclosed<double?> value, string explanation, string whyNotAvailable) =>
            new(field, title, value.Select(m => m is { } months ? IndexModel.Months(months) : null), "months", Raw(value),
                value.TryGetValue(out var shown) && shown is null ? whyNotAvailable : explanation);
        return
        [
            Count("changes", "Changes of DCS", f.Changes,
                "Times an authority's director changed to a different person, interims included."),
            Count("authoritiesWithChange", "Authorities with a change", f.AuthoritiesWithChange,
                $"Authorities, of the {authorities} in operation on {yearEnd}, with at least one change."),
            Count("authoritiesWithUnplannedChange", "Authorities with an unplanned change", f.AuthoritiesWithUnplannedChange,
                "Authorities where a director whose departure was unplanned left during the year."),
            Share("unplannedChangeRate", "Unplanned change rate", f.UnplannedChangeRate,
                $"Authorities with an unplanned change as a share of all {authorities}."),
            Count("firstTimeDirectors", "First-time directors", f.FirstTimeDirectors,
                "Appointments starting in the year of people who had never been a DCS before."),
            Share("interimShareAtYearEnd", "Led by an interim or acting DCS", f.InterimShareAtYearEnd,
                $"Share of the {authorities} whose director on {yearEnd} was interim or acting."),
            Months("meanCompletedTenureMonths", "Mean length of completed tenures", f.MeanCompletedTenureMonths,
                "Average time in post of the directors whose tenure ended in the year.",
                $"No director's tenure ended in {year.Label}, so there is nothing to average."),
            Months("medianTenureMonths", "Median tenure (Kaplan-Meier)", f.MedianTenureMonths,
                "Half of directors' tenures last longer than this, counting those still running.",
                curve.Steps.Count == 0
                    ? $"No tenure had started by {yearEnd}, so there is nothing to estimate from."
                    : $"Too few tenures had ended by {yearEnd}: the estimated share lasting longer never falls to one half, so there is no median yet."),
            new("consecutiveYearsRising", "Consecutive years of rising changes", f.ConsecutiveYearsRising.Select(r => r is { } n ? Number(n) : null),
                null, Raw(f.ConsecutiveYearsRising),
                f.ConsecutiveYearsRising.TryGetValue(out var rising) && rising is null
                    ? $"{firstYear} is the first year in the register, so there is no earlier year to compare with."
                    : rising == 0
                        ? "Changes did not rise on the year before."
                        : $"Years in a row, up to {year.Label}, in which changes rose on the year before."),
        ];
    }

    private static string DescribeChanges(
        IReadOnlyList<DisclosedTurnoverFigures> years, DisclosedTurnoverFigures selected, FinancialYear current, DisclosureRule rule)
    {
        var last = years[^1].FinancialYear == current.Label ? FigureFormat.Year(current.Label, toDate: true) : years[^1].FinancialYear;
        var text = "Bar chart of the number of changes of DCS, and of authorities with a change, in each financial year from " +
            $"{years[0].FinancialYear} to {last}.";
        var shown = years.Where(f => !f.Changes.IsSuppressed).ToList();
        if (shown.Count > 0)
        {
            var highest = shown.MaxBy(f => f.Changes.Value)!;
            var lowest = shown.MinBy(f => f.Changes.Value)!;
            text += (shown.Count == years.Count ? " Changes were" : " Of the years whose changes are shown, changes were") +
                $" highest in {highest.FinancialYear}, at {Number(highest.Changes)}, and lowest in {lowest.FinancialYear}, at {Number(lowest.Changes)}.";
        }
        if (years.Any(f => f.Changes.IsSuppressed || f.AuthoritiesWithChange.IsSuppressed))
        {
            text += $" Figures from {SmallCounts(rule)} are suppressed, marked {SuppressedSymbol} and not drawn.";
        }
        return text + $" In {selected.FinancialYear} there were {Number(selected.Changes)} changes in " +
            $"{Number(selected.AuthoritiesWithChange)} authorities. The table after the chart gives every year's figures.";
    }

    private static string DescribeSurvival(
        DisclosedSurvivalCurve curve, IReadOnlyList<DisclosedSurvivalPoint> points, FinancialYear year, Disclosed<double?> medianMonths, DisclosureRule rule)
    {
        var start = $"Step chart of the Kaplan-Meier estimate of how long directors' tenures last, as at {Date(year.LastDay)}: " +
            "the share of tenures lasting longer than each number of years.";
        var tooFew = $"fewer than {Number(rule.Threshold)} tenures were at risk";
        if (curve.Steps.Count == 0)
        {
            return curve.HiddenFromDays is null
                ? $"{start} No tenure had started by then, so the chart is empty."
                : $"{start} It is not shown: {tooFew}, too few to publish.";
        }
        var last = curve.Steps[^1];
        var range = string.Create(Culture,
            $" It falls from 1 at 0 years to {last.Survival:0.##} at {TenureSurvival.Years(last.Days):0.#} years.");
        var cut = curve.HiddenFromDays is null ? "" : $" It stops there: beyond, {tooFew}, too few to publish.";
        string median;
        if (!curve.MedianDays.TryGetValue(out var medianDays) || !medianMonths.TryGetValue(out var months))
        {
            median = " The median is suppressed.";
        }
        else
        {
            median = medianDays is { } days && months is { } m
                ? string.Create(Culture, $" It reaches one half at {TenureSurvival.Years(days):0.#} years: the median tenure is {Months(m)} months.")
                : " It does not fall to one half, so there is no median yet.";
        }
        var table = points.Count == 0 ? "" : " The table after the chart gives the share at " +
            string.Join(", ", points.Take(points.Count - 1).Select(p => p.Years.ToString(Culture))) +
            $" and {points[^1].Years.ToString(Culture)} years.";
        return start + range + cut + median + table;
    }
}
