using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Register.Charts;

/// <summary>
/// The turnover dashboard's charts, drawn with ScottPlot as SVG. Pure: figures in, SVG text out, no I/O.
/// </summary>
public static partial class TurnoverCharts
{
    public const int ChangesWidth = 800;
    public const int ChangesHeight = 400;
    public const int SurvivalWidth = 800;
    public const int SurvivalHeight = 450;

    /// <summary>
    /// Sans-serif fonts to draw with, best first: Liberation Sans has Arial's metrics (GOV.UK's fallback font), DejaVu
    /// Sans ships with Debian. When none is installed ScottPlot's own default font is used instead.
    /// </summary>
    public static IReadOnlyList<string> PreferredFonts { get; } = ["Liberation Sans", "DejaVu Sans", "Arial", "Helvetica"];

    // GOV.UK Design System colours.
    private static readonly Color Text = Color.FromHex("#0b0c0c");
    private static readonly Color SecondaryText = Color.FromHex("#484949");
    private static readonly Color Blue = Color.FromHex("#1d70b8");
    private static readonly Color LightBlue = Color.FromHex("#8eb8dc");
    private static readonly Color Orange = Color.FromHex("#f47738");
    private static readonly Color LightOrange = Color.FromHex("#f9bb9b");
    private static readonly Color Red = Color.FromHex("#d4351c");
    private static readonly Color MidGrey = Color.FromHex("#b1b4b6");

    /// <summary>
    /// Bars of <see cref="TurnoverFigures.Changes"/> per financial year, with <see cref="TurnoverFigures.AuthoritiesWithChange"/>
    /// as a second series beside them. The bars of <paramref name="incompleteYear"/> (the year to date) are lighter. A
    /// suppressed figure has no bar: a "c" stands at its foot instead, so that it does not look like a zero.
    /// </summary>
    /// <param name="years">The figures, oldest first.</param>
    /// <param name="incompleteYear">The label of a year that has not finished yet, if it is among <paramref name="years"/>.</param>
    /// <param name="fontName">
    /// The font to draw with (ScottPlot falls back to its default font if it is not installed); by default the first of
    /// <see cref="PreferredFonts"/> installed.
    /// </param>
    public static string ChangesSvg(
        IReadOnlyList<DisclosedTurnoverFigures> years, string? incompleteYear = null,
        int width = ChangesWidth, int height = ChangesHeight, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        using var plot = ChangesPlot(years, incompleteYear, fontName);
        return Svg(plot, width, height);
    }

    /// <summary>
    /// The Kaplan-Meier survival curve of tenure length as a step plot: x in years, y the estimated share of tenures
    /// lasting longer (0 to 1), a dashed line at one half and the median marked where the curve crosses it. A curve cut
    /// by disclosure control stops at its last step shown, with a note.
    /// </summary>
    /// <param name="curve">The curve, in days, as it may be published (<see cref="TurnoverCalculator.TenureSurvival"/>, <see cref="DisclosedSurvivalCurve"/>).</param>
    /// <param name="fontName">
    /// The font to draw with (ScottPlot falls back to its default font if it is not installed); by default the first of
    /// <see cref="PreferredFonts"/> installed.
    /// </param>
    public static string SurvivalSvg(DisclosedSurvivalCurve curve, int width = SurvivalWidth, int height = SurvivalHeight, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        using var plot = SurvivalPlot(curve, fontName);
        return Svg(plot, width, height);
    }

    internal static Plot ChangesPlot(IReadOnlyList<DisclosedTurnoverFigures> years, string? incompleteYear, string? fontName)
    {
        var plot = new Plot();
        const double barWidth = 0.38;
        var changes = new List<Bar>();
        var authorities = new List<Bar>();
        var suppressed = new List<double>();
        void AddBar(List<Bar> bars, Disclosed<int> figure, double position, Color fill)
        {
            if (figure.TryGetValue(out var value))
            {
                bars.Add(new Bar { Position = position, Value = value, Size = barWidth, FillColor = fill, LineWidth = 0 });
            }
            else
            {
                suppressed.Add(position);
            }
        }
        for (var i = 0; i < years.Count; i++)
        {
            var incomplete = years[i].FinancialYear == incompleteYear;
            AddBar(changes, years[i].Changes, i - barWidth / 2, incomplete ? LightBlue : Blue);
            AddBar(authorities, years[i].AuthoritiesWithChange, i + barWidth / 2, incomplete ? LightOrange : Orange);
        }
        // Colours are set per bar (BarPlot.Color would recolour the lighter year to date too), so the legend is manual.
        plot.Add.Bars(changes);
        plot.Add.Bars(authorities);

        var labels = years.Select(y => y.FinancialYear == incompleteYear ? $"{y.FinancialYear}*" : y.FinancialYear).ToArray();
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, years.Count).Select(i => (double)i)], labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (years.Count > 8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 70;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        foreach (var position in suppressed)
        {
            var mark = plot.Add.Text(Disclosed.Symbol, position, 0);
            mark.LabelStyle.Alignment = Alignment.LowerCenter;
            mark.OffsetY = -2;
            mark.LabelStyle.FontSize = 14;
            mark.LabelStyle.ForeColor = SecondaryText;
        }
        var highest = changes.Concat(authorities).Select(b => b.Value).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(-0.6, Math.Max(years.Count, 1) - 0.4, 0, Math.Max(1, highest) * 1.18);
        var notes = new List<string>();
        if (incompleteYear is not null && years.Any(y => y.FinancialYear == incompleteYear))
        {
            notes.Add($"* {incompleteYear} to date");
        }
        if (suppressed.Count > 0)
        {
            notes.Add($"{Disclosed.Symbol}: suppressed, not drawn");
        }
        plot.XLabel(notes.Count == 0 ? "Financial year" : $"Financial year ({string.Join("; ", notes)})");
        plot.YLabel("Number");
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Changes of DCS", FillColor = Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Authorities with a change", FillColor = Orange });
        ShowLegend(plot, Alignment.UpperLeft, Orientation.Horizontal);
        if (years.Count == 0)
        {
            AddNote(plot, "No appointments in the register yet", Alignment.MiddleCenter);
        }
        Style(plot, fontName);
        return plot;
    }

    internal static Plot SurvivalPlot(DisclosedSurvivalCurve curve, string? fontName)
    {
        var plot = new Plot();
        var xs = new List<double> { 0 };
        var ys = new List<double> { 1 };
        var censoredXs = new List<double>();
        var censoredYs = new List<double>();
        foreach (var step in curve.Steps)
        {
            var x = TenureSurvival.Years(step.Days);
            xs.Add(x);
            ys.Add(step.Survival);
            if (step.Censored > 0)
            {
                censoredXs.Add(x);
                censoredYs.Add(step.Survival);
            }
        }
        var longest = xs[^1];

        var right = Math.Max(1, longest) * 1.03;
        AddDashedLine(plot, new Coordinates(0, 0.5), new Coordinates(right, 0.5), SecondaryText, dashes: 60);

        if (curve.Steps.Count > 0)
        {
            // Kaplan-Meier survival is right-continuous: level until the next step, then down.
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Blue);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = "Share of tenures lasting longer (Kaplan-Meier)";
        }

        if (censoredXs.Count > 0)
        {
            var censored = plot.Add.Markers(censoredXs.ToArray(), censoredYs.ToArray(), MarkerShape.VerticalBar, 8, Blue);
            censored.LegendText = "Still in post when last seen (censored)";
        }

        double? shownMedianDays = curve.MedianDays.TryGetValue(out var disclosedMedian) ? disclosedMedian : null;
        var medianShown = shownMedianDays is not null;
        if (shownMedianDays is { } medianDays)
        {
            var median = TenureSurvival.Years(medianDays);
            AddDashedLine(plot, new Coordinates(median, 0), new Coordinates(median, 0.5), Red, dashes: 15);
            plot.Add.Marker(median, 0.5, MarkerShape.FilledCircle, 10, Red);
            var months = medianDays / TurnoverCalculator.DaysPerMonth;
            var label = plot.Add.Text(
                string.Create(CultureInfo.InvariantCulture, $"Median {months:0.##} months ({median:0.#} years)"), median, 0.5);
            // Above the half line to the right of the marker or, when there is no room there (a curve cut by disclosure
            // control can end at its median), below it to the left, where the curve is still above one half.
            var onLeft = median > right * 0.6;
            label.LabelStyle.Alignment = onLeft ? Alignment.UpperRight : Alignment.LowerLeft;
            label.OffsetX = onLeft ? -8 : 8;
            label.OffsetY = onLeft ? 6 : -6;
            label.LabelStyle.FontSize = 14;
            label.LabelStyle.Bold = true;
            label.LabelStyle.ForeColor = Red;
        }

        if (curve.HiddenFromDays is not null)
        {
            AddNote(plot, curve.Steps.Count == 0
                    ? "Too few tenures to show the curve (suppressed)"
                    : string.Create(CultureInfo.InvariantCulture, $"Not shown beyond {longest:0.#} years: too few tenures at risk (suppressed)"),
                medianShown ? Alignment.LowerLeft : Alignment.UpperRight);
        }
        else if (curve.Steps.Count == 0)
        {
            AddNote(plot, "No tenures to estimate from", Alignment.MiddleCenter);
        }
        else if (!medianShown)
        {
            AddNote(plot, "Survival has not fallen to one half: no median yet", Alignment.UpperRight);
        }

        plot.Axes.SetLimits(0, right, 0, 1.04);
        plot.Axes.Left.SetTicks([0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.XLabel("Years in post");
        plot.YLabel("Share of tenures lasting longer");
        ShowLegend(plot, medianShown ? Alignment.UpperRight : Alignment.LowerLeft, Orientation.Vertical);
        Style(plot, fontName);
        return plot;
    }

    /// <summary>
    /// A dashed line drawn as separate segments: Skia's SVG backend ignores path effects, so a <see cref="LinePattern"/>
    /// would come out solid in the SVG.
    /// </summary>
    private static void AddDashedLine(Plot plot, Coordinates from, Coordinates to, Color color, int dashes)
    {
        var dx = (to.X - from.X) / dashes;
        var dy = (to.Y - from.Y) / dashes;
        for (var i = 0; i < dashes; i++)
        {
            var start = new Coordinates(from.X + i * dx, from.Y + i * dy);
            var end = new Coordinates(start.X + dx * 0.55, start.Y + dy * 0.55);
            var segment = plot.Add.Line(start, end);
            segment.LineColor = color;
            segment.LineWidth = 1.5f;
        }
    }

    private static void AddNote(Plot plot, string text, Alignment alignment)
    {
        var note = plot.Add.Annotation(text, alignment);
        note.LabelStyle.FontSize = 14;
        note.LabelStyle.ForeColor = Text;
        note.LabelStyle.BackgroundColor = Colors.White;
        note.LabelStyle.BorderColor = MidGrey;
        note.LabelStyle.BorderWidth = 1;
        note.LabelStyle.ShadowColor = Colors.Transparent;
        note.LabelStyle.Padding = 8;
    }

    private static void ShowLegend(Plot plot, Alignment alignment, Orientation orientation)
    {
        var legend = plot.ShowLegend(alignment, orientation);
        legend.OutlineWidth = 0;
        legend.BackgroundColor = Colors.White.WithAlpha(0.9);
        legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>The first of <see cref="PreferredFonts"/> that is installed, or ScottPlot's default font.</summary>
    public static string InstalledFont() => FontOrFallback(null, PreferredFonts);

    /// <summary>The requested font if installed, else the first installed of <paramref name="fallbacks"/>, else ScottPlot's default.</summary>
    internal static string FontOrFallback(string? requested, IReadOnlyList<string> fallbacks)
    {
        foreach (var name in requested is null ? fallbacks : [requested, .. fallbacks])
        {
            // ScottPlot answers a missing font with its default typeface, so compare the family it resolved to.
            if (Fonts.GetTypeface(name, bold: false, italic: false) is { } typeface
                && string.Equals(typeface.FamilyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        return Fonts.Default;
    }

    private static void Style(Plot plot, string? fontName)
    {
        var font = fontName ?? InstalledFont();
        plot.Font.Set(font); // axes, title and legend
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>())
        {
            text.LabelStyle.FontName = font;
        }
        foreach (var note in plot.GetPlottables<ScottPlot.Plottables.Annotation>())
        {
            note.LabelStyle.FontName = font;
        }
        plot.Axes.Color(Text);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Legend.FontSize = 14;
        plot.Legend.FontColor = Text;
        plot.Grid.MajorLineColor = MidGrey.WithAlpha(0.5);
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
    }

    /// <summary>
    /// Renders to SVG. ScottPlot writes each glyph's position, so a browser lacking the font still lines text up; a
    /// generic fallback list after the font's name keeps that text sans-serif.
    /// </summary>
    private static string Svg(Plot plot, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 50);
        var svg = plot.GetSvgXml(width, height);
        return FontFamily().Replace(svg, m => $"font-family=\"{m.Groups[1].Value}, Arial, Helvetica, sans-serif\"");
    }

    [GeneratedRegex("font-family=\"([^\",]+)\"")]
    private static partial Regex FontFamily();
}
