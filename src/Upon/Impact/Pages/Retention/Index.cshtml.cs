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
    /// <summary>The key the page's figures are rendered under, once per change of them and per view (<see cref="Upon.Shared.Figures.FigureReader.FragmentKey"/>).</summary>
    public string FragmentKey => figureReader.FragmentKey(HttpContext, SeesExactFigures ? "exact" : "disclosed");

    public const string SuppressedSymbol = "[" + Disclosed.Symbol + "]";

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
        Figures = await figures.DisclosedRetentionAsync(day, Rule, cancellationToken);
        Rows = [.. Figures.Table.Select(Row)];
        ChartAlt = Describe(Figures);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    /// <summary>Both curves at one time as published (<see cref="RetentionDisclosure.TableMonths"/>).</summary>
    public static CurveRow Row(DisclosedCurveRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new CurveRow(row.Months, row.Participants.Survival, Band(row.Participants.Band), row.Comparison.Survival, Band(row.Comparison.Band),
            new AtRiskColumn(row.Months, row.Participants.AtRisk, row.Comparison.AtRisk));
    }

    private static Disclosed<(double, double)?> Band(Disclosed<(double Lower, double Upper)?> band) =>
        band.TryGetValue(out var value) ? Disclosed.Shown<(double, double)?>(value) : Disclosed.Suppressed<(double, double)?>();

    public static string Percent(double? share) => share is { } s ? FigureFormat.Percent(s) : "–";

    public static string Months(double? months) => months is { } m ? FigureFormat.Average(m) : "–";

    public static string Statistic(double? value) => RetentionFormat.Statistic(value);

    public static string PValue(double? value) => RetentionFormat.PValue(value);

    public static string Date(NodaTime.LocalDate date) => Upon.Shared.Text.TextFormat.Date(date);

    private static string Describe(DisclosedRetentionFigures figures)
    {
        string Group(DisclosedRetentionGroup g) =>
            $"{(g.Group == RetentionGroup.Participants ? "participants" : "the comparison group")}: " +
            $"{(g.Survival12.TryGetValue(out var s12) ? Percent(s12) : "suppressed")} still in post at 12 months, " +
            $"{(g.Survival24.TryGetValue(out var s24) ? Percent(s24) : "suppressed")} at 24 months";
        return "Kaplan-Meier curves of the share of first-time directors' tenures still in post by months from the start, with 95% " +
            $"confidence bands. As of {Upon.Shared.Text.TextFormat.Date(figures.Figures.AsOf)}, {Group(figures.Groups[0])}; {Group(figures.Groups[1])}. " +
            "The table below gives the same figures.";
    }
}
