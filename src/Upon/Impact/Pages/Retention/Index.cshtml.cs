using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.Retention;

/// <summary>One row of the table under the chart: both groups at a time, with the bands and numbers at risk.</summary>
public sealed record CurveRow(int Months, Disclosed<double?> ParticipantsSurvival, Disclosed<(double, double)?> ParticipantsBand,
    Disclosed<double?> ComparisonSurvival, Disclosed<(double, double)?> ComparisonBand, AtRiskColumn AtRisk);

/// <summary>
/// The retention evaluation: definitions, the figures overall and by first appointment type, the chart and its table.
/// Staff see the exact figures; the funder sees them with small numbers suppressed (<see cref="RetentionDisclosure"/>).
/// <c>?asOf=YYYY-MM-DD</c> evaluates as of another day (400 with the error on the page when it is not one).
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(RetentionEvaluation evaluation, ImpactFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public const string SuppressedSymbol = "[" + Disclosed.Symbol + "]";

    /// <summary>The months at which the table under the chart reads the curves.</summary>
    public static IReadOnlyList<int> TableMonths { get; } = [0, 6, 12, 18, 24, 30, 36, 48, 60];

    public string? AsOfText { get; private set; }

    public bool SeesExactFigures { get; private set; }

    public DisclosureRule Rule { get; private set; } = DisclosureRule.None;

    public DisclosureRule FunderRule => disclosure.Suppression;

    public DisclosedRetentionFigures? Figures { get; private set; }

    public IReadOnlyList<CurveRow> Rows { get; private set; } = [];

    public string ChartAlt { get; private set; } = "";

    public NodaTime.LocalDate InvitingSince => evaluation.InvitingSince;

    public async Task<IActionResult> OnGetAsync(string? asOf, CancellationToken cancellationToken)
    {
        AsOfText = asOf;
        SeesExactFigures = FigureDisclosure.SeesExactFigures(User);
        Rule = disclosure.RuleFor(User);
        var (day, error) = evaluation.ParseAsOf(asOf);
        if (error is not null)
        {
            ModelState.AddModelError("asOf", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!SeesExactFigures)
        {
            day = RetentionEvaluation.FunderAsOf(day);
        }
        var result = await figures.RetentionAsync(day, cancellationToken);
        Figures = SeesExactFigures ? RetentionDisclosure.Disclose(result, Rule) : await figures.DisclosedRetentionAsync(day, Rule, cancellationToken);
        Rows = [.. TableMonths.Select(m => Row(result.All, m, Rule))];
        ChartAlt = Describe(Figures);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    /// <summary>Both curves at <paramref name="months"/>, suppressed where the group's number at risk is small or its curve was cut before.</summary>
    public static CurveRow Row(RetentionComparison comparison, int months, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(rule);
        var days = months * TurnoverCalculator.DaysPerMonth;
        (Disclosed<double?>, Disclosed<(double, double)?>, Disclosed<int>) Read(SurvivalEstimate curve)
        {
            var atRisk = curve.AtRiskAt(days);
            var cut = DisclosedSurvivalCurve.Disclose(curve.Curve, rule).HiddenFromDays;
            var hidden = rule.IsSmall(atRisk) || (cut is { } from && from <= days) || (rule.IsSmall(curve.N));
            return hidden
                ? (Disclosed.Suppressed<double?>(), Disclosed.Suppressed<(double, double)?>(), rule.Count(atRisk))
                : (Disclosed.Shown(curve.SurvivalAt(days)), Disclosed.Shown(curve.BandAt(days)), rule.Count(atRisk));
        }
        var (ps, pb, pr) = Read(comparison.Participants);
        var (cs, cb, cr) = Read(comparison.Comparison);
        return new CurveRow(months, ps, pb, cs, cb, new AtRiskColumn(months, pr, cr));
    }

    public static string Percent(double? share) => share is { } s ? FigureFormat.Percent(s) : "–";

    public static string Months(double? months) => months is { } m ? FigureFormat.Average(m) : "–";

    public static string Statistic(double? value) => RetentionFormat.Statistic(value);

    public static string PValue(double? value) => RetentionFormat.PValue(value);

    public static string Date(NodaTime.LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Describe(DisclosedRetentionFigures figures)
    {
        string Group(DisclosedRetentionGroup g) =>
            $"{(g.Group == RetentionGroup.Participants ? "participants" : "the comparison group")}: " +
            $"{(g.Survival12.TryGetValue(out var s12) ? Percent(s12) : "suppressed")} still in post at 12 months, " +
            $"{(g.Survival24.TryGetValue(out var s24) ? Percent(s24) : "suppressed")} at 24 months";
        return "Kaplan-Meier curves of the share of first-time directors' tenures still in post by months from the start, with 95% " +
            $"confidence bands. As of {figures.Figures.AsOf:yyyy-MM-dd}, {Group(figures.Groups[0])}; {Group(figures.Groups[1])}. " +
            "The table below gives the same figures.";
    }
}
