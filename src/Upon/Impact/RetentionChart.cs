using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;

namespace Upon.Impact;

/// <summary>One group's curve as it may be drawn: the steps shown (cut where too few are at risk) and where it was cut.</summary>
/// <param name="Group">participants or comparison.</param>
/// <param name="Steps">The steps shown, with their 95% bands.</param>
/// <param name="HiddenFromDays">The time of the first step not shown; null when the whole curve is.</param>
public sealed record RetentionCurveShown(RetentionGroup Group, IReadOnlyList<SurvivalStep> Steps, int? HiddenFromDays)
{
    /// <summary>
    /// The curve of <paramref name="estimate"/> under <paramref name="rule"/>: cut where too few are at risk (as
    /// <see cref="DisclosedSurvivalCurve"/> cuts the turnover curve), and after the last time of <paramref name="table"/>
    /// before the first whose reading of this group's survival is suppressed, so that the chart never shows what the
    /// table hides.
    /// </summary>
    public static RetentionCurveShown Disclose(RetentionGroup group, SurvivalEstimate estimate, DisclosureRule rule, IReadOnlyList<DisclosedCurveRow> table)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(table);
        var cut = DisclosedSurvivalCurve.Disclose(estimate.Curve, rule);
        var steps = estimate.Steps.Take(cut.Steps.Count).ToList();
        var reads = table.OrderBy(r => r.Months).Select(r => (r.Months, Read: group == RetentionGroup.Participants ? r.Participants : r.Comparison)).ToList();
        var firstHidden = reads.FindIndex(r => r.Read.Survival.IsSuppressed);
        if (firstHidden >= 0)
        {
            var lastShownDays = firstHidden == 0 ? -1 : reads[firstHidden - 1].Months * TurnoverCalculator.DaysPerMonth;
            steps = [.. steps.TakeWhile(s => s.Days <= lastShownDays)];
        }
        int? hiddenFrom = steps.Count < estimate.Steps.Count ? estimate.Steps[steps.Count].Days : null;
        return new RetentionCurveShown(group, steps, hiddenFrom);
    }
}

/// <summary>The number at risk in each group at one time, as it may be published.</summary>
/// <param name="Months">The time, in months from the tenure's start.</param>
/// <param name="Participants">Participants still observed then.</param>
/// <param name="Comparison">The comparison group still observed then.</param>
public sealed record AtRiskColumn(int Months, Disclosed<int> Participants, Disclosed<int> Comparison);

/// <summary>
/// The retention chart, drawn with ScottPlot as SVG: both groups' Kaplan-Meier curves from the tenure's start in
/// months, each with its 95% confidence band shaded, and the numbers at risk beneath the axis. Pure: figures in, SVG out.
/// </summary>
public static partial class RetentionChart
{
    public const int Width = 800;
    public const int Height = 520;

    /// <summary>The months at which numbers at risk are given under the chart and in the table.</summary>
    public static IReadOnlyList<int> AtRiskMonths { get; } = [0, 12, 24, 36, 48, 60];

    private static readonly Color Text = Color.FromHex("#0b0c0c");
    private static readonly Color Blue = Color.FromHex("#1d70b8");
    private static readonly Color Orange = Color.FromHex("#f47738");
    private static readonly Color MidGrey = Color.FromHex("#b1b4b6");

    // The at-risk rows sit below the survival axis, in the plot's own coordinates.
    private const double ParticipantsRow = -0.14;
    private const double ComparisonRow = -0.22;

    public static string Svg(IReadOnlyList<RetentionCurveShown> curves, IReadOnlyList<AtRiskColumn> atRisk, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(atRisk);
        using var plot = new Plot();
        var longestMonths = Math.Max(12, curves.SelectMany(c => c.Steps).Select(s => s.Days / TurnoverCalculator.DaysPerMonth).DefaultIfEmpty(0).Max());
        var right = Math.Min(longestMonths, AtRiskMonths[^1]) * 1.04 + 2;
        foreach (var curve in curves)
        {
            var color = curve.Group == RetentionGroup.Participants ? Blue : Orange;
            var name = curve.Group == RetentionGroup.Participants ? "Participants" : "Comparison";
            if (curve.Steps.Count == 0)
            {
                continue;
            }
            var (xs, ys, lower, upper) = StepPath(curve.Steps);
            var band = plot.Add.Polygon([.. xs.Select((x, i) => new Coordinates(x, upper[i])), .. xs.Select((x, i) => new Coordinates(x, lower[i])).Reverse()]);
            band.FillColor = color.WithAlpha(0.18);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = $"{name} (shaded: 95% confidence band)";
        }

        var font = fontName ?? Upon.Register.Charts.TurnoverCharts.InstalledFont();
        void Label(string text, double x, double y, Alignment alignment, Color color, bool bold = false)
        {
            var label = plot.Add.Text(text, x, y);
            label.LabelStyle.Alignment = alignment;
            label.LabelStyle.FontSize = 13;
            label.LabelStyle.ForeColor = color;
            label.LabelStyle.Bold = bold;
            label.LabelStyle.FontName = font;
        }
        Label("Number at risk", 0, -0.06, Alignment.MiddleLeft, Text, bold: true);
        foreach (var column in atRisk.Where(c => c.Months <= right))
        {
            Label(column.Participants.ToString(), column.Months, ParticipantsRow, Alignment.MiddleCenter, Blue);
            Label(column.Comparison.ToString(), column.Months, ComparisonRow, Alignment.MiddleCenter, Orange);
        }

        // A curve cut by disclosure control says so under the axis, where the numbers at risk are.
        var cut = curves.Any(c => c.HiddenFromDays is not null) || atRisk.Any(c => c.Participants.IsSuppressed || c.Comparison.IsSuppressed);
        if (curves.All(c => c.Steps.Count == 0))
        {
            var note = plot.Add.Annotation("No tenures to show", Alignment.MiddleCenter);
            note.LabelStyle.FontName = font;
        }

        plot.Axes.SetLimits(-1, right, -0.27, 1.04);
        plot.Axes.Left.SetTicks([0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        plot.Axes.Bottom.SetTicks([.. AtRiskMonths.Where(m => m <= right).Select(m => (double)m)], [.. AtRiskMonths.Where(m => m <= right).Select(m => m.ToString(CultureInfo.InvariantCulture))]);
        plot.XLabel(cut
            ? $"Months from the start of the tenure (curves stop where too few are at risk; {Disclosed.Symbol}: suppressed)"
            : "Months from the start of the tenure");
        plot.YLabel("Share still in post");
        var legend = plot.ShowLegend(Alignment.UpperRight, Orientation.Vertical);
        legend.OutlineWidth = 0;
        legend.BackgroundColor = Colors.White.WithAlpha(0.9);
        legend.ShadowColor = Colors.Transparent;
        plot.Font.Set(font);
        plot.Axes.Color(Text);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 13;
        plot.Grid.MajorLineColor = MidGrey.WithAlpha(0.5);
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        // The at-risk rows sit in the plot's lower margin: a white band hides the grid there.
        var margin = plot.Add.Rectangle(-1, right, -0.27, -0.02);
        margin.FillColor = Colors.White;
        margin.LineWidth = 0;
        plot.MoveToBack(margin);
        var svg = plot.GetSvgXml(Width, Height);
        return FontFamily().Replace(svg, m => $"font-family=\"{m.Groups[1].Value}, Arial, Helvetica, sans-serif\"");
    }

    /// <summary>A right-continuous step path from (0, 1): level until each step, then down to its value.</summary>
    private static (double[] Xs, double[] Ys, double[] Lower, double[] Upper) StepPath(IReadOnlyList<SurvivalStep> steps)
    {
        var xs = new List<double> { 0 };
        var ys = new List<double> { 1 };
        var lower = new List<double> { 1 };
        var upper = new List<double> { 1 };
        foreach (var step in steps)
        {
            var x = step.Days / TurnoverCalculator.DaysPerMonth;
            xs.Add(x);
            ys.Add(ys[^1]);
            lower.Add(lower[^1]);
            upper.Add(upper[^1]);
            xs.Add(x);
            ys.Add(step.Survival);
            lower.Add(step.Lower);
            upper.Add(step.Upper);
        }
        return ([.. xs], [.. ys], [.. lower], [.. upper]);
    }

    [GeneratedRegex("font-family=\"([^\",]+)\"")]
    private static partial Regex FontFamily();
}
