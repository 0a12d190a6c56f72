using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Forms;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.Retention;

/// <summary>One row of the table under the chart: both groups at a time, with the bands and numbers at risk.</summary>
public sealed record CurveRow(int Months, Disclosed<double?> ParticipantsSurvival, Disclosed<(double, double)?> ParticipantsBand,
    Disclosed<double?> ComparisonSurvival, Disclosed<(double, double)?> ComparisonBand, AtRiskColumn AtRisk);

/// <summary>
/// The retention evaluation: definitions, the figures overall and by first appointment type, the chart and its table.
/// Staff see the exact figures; the funder sees them with small numbers suppressed (<see cref="RetentionDisclosure"/>).
/// The form asks for the as-of day as a GOV.UK date input (<c>AsOfDate.day</c>, <c>.month</c>, <c>.year</c>); links give it
/// as <c>?asOf=YYYY-MM-DD</c>, as the API and the chart take it. Either way a day that is not one, or is out of range,
/// answers 400 with the error on the page.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(RetentionEvaluation evaluation, ImpactFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    /// <summary>The key the page's figures are rendered under, once per change of them and per view (<see cref="Upon.Shared.Figures.FigureReader.FragmentKey"/>).</summary>
    public string FragmentKey => figureReader.FragmentKey(HttpContext, SeesExactFigures ? "exact" : "disclosed");

    public const string SuppressedSymbol = "[" + Disclosed.Symbol + "]";

    /// <summary>The day to evaluate as of, as entered in the form; empty for today (or the link's <c>asOf</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput AsOfDate { get; set; } = new();

    public bool SeesExactFigures { get; private set; }

    public DisclosureRule Rule { get; private set; } = DisclosureRule.None;

    public DisclosureRule FunderRule => disclosure.Suppression;

    public DisclosedRetentionFigures? Figures { get; private set; }

    public IReadOnlyList<CurveRow> Rows { get; private set; } = [];

    public string ChartAlt { get; private set; } = "";

    public NodaTime.LocalDate InvitingSince => evaluation.InvitingSince;

    public async Task<IActionResult> OnGetAsync(string? asOf, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        SeesExactFigures = FigureDisclosure.SeesExactFigures(User);
        Rule = disclosure.RuleFor(User);
        if (ReadAsOf(asOf) is not { } day)
        {
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

    /// <summary>The day asked for (the form's date input first, then the link's <c>asOf</c>), or null with the error recorded.</summary>
    private NodaTime.LocalDate? ReadAsOf(string? asOf)
    {
        if (AsOfDate.IsEmpty)
        {
            var (linked, error) = evaluation.ParseAsOf(asOf);
            if (error is null)
            {
                AsOfDate = DateInput.From(linked);
                return linked;
            }
            AsOfDate = new DateInput();
            ModelState.AddModelError(DateInput.ErrorKey(nameof(AsOfDate)), error);
            return null;
        }
        if (AsOfDate.Read(ModelState, nameof(AsOfDate), "Evaluation date", required: false) is not { } day)
        {
            return null;
        }
        if (PlausibleDates.CheckAppointmentDate(day, evaluation.Today, "the evaluation date") is { } outside)
        {
            ModelState.AddModelError(DateInput.ErrorKey(nameof(AsOfDate)), outside);
            return null;
        }
        return day;
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
