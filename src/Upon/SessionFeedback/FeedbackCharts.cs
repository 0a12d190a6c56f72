using System.Globalization;
using ScottPlot;
using Upon.Core.Disclosure;
using Upon.Core.SessionFeedback;

namespace Upon.SessionFeedback;

/// <summary>
/// The feedback chart, drawn with ScottPlot as SVG: the mean reaction and learning ratings per financial year, as pairs
/// of bars on the 1 to 5 scale. A mean withheld because too few answered has no bar: a "c" stands at its foot. The
/// page shows the same figures in a table beside it.
/// </summary>
public static class FeedbackCharts
{
    public const int Width = 800;
    public const int Height = 360;

    private static readonly Color Blue = Color.FromHex("#1d70b8");
    private static readonly Color Orange = Color.FromHex("#f47738");
    private static readonly Color Text = Color.FromHex("#0b0c0c");
    private static readonly Color SecondaryText = Color.FromHex("#484949");

    /// <param name="years">One point per financial year, oldest first: its label and the two means.</param>
    public static string MeansSvg(IReadOnlyList<(string Year, Disclosed<double?> Reaction, Disclosed<double?> Learning)> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        using var plot = new Plot();
        const double barWidth = 0.38;
        var bars = new List<Bar>();
        var suppressed = new List<double>();
        void Add(Disclosed<double?> mean, double position, Color colour)
        {
            if (!mean.TryGetValue(out var value))
            {
                suppressed.Add(position);
            }
            else if (value is { } v)
            {
                bars.Add(new Bar { Position = position, Value = v, Size = barWidth, FillColor = colour, LineWidth = 0 });
            }
        }
        for (var i = 0; i < years.Count; i++)
        {
            Add(years[i].Reaction, i - barWidth / 2, Blue);
            Add(years[i].Learning, i + barWidth / 2, Orange);
        }
        plot.Add.Bars(bars);
        foreach (var position in suppressed)
        {
            var mark = plot.Add.Text(Disclosed.Symbol, position, 0);
            mark.LabelStyle.Alignment = Alignment.LowerCenter;
            mark.LabelStyle.FontSize = 14;
            mark.LabelStyle.ForeColor = SecondaryText;
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, years.Count).Select(i => (double)i)], [.. years.Select(y => y.Year)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(FeedbackScale.Min, FeedbackScale.Max).Select(i => (double)i)],
            [.. Enumerable.Range(FeedbackScale.Min, FeedbackScale.Max).Select(i => i.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimits(-0.6, Math.Max(years.Count, 1) - 0.4, 0, FeedbackScale.Max + 0.6);
        plot.XLabel(suppressed.Count > 0 ? $"Financial year ({Disclosed.Symbol}: too few answers, not drawn)" : "Financial year");
        plot.YLabel("Mean rating (1 to 5)");
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Reaction: how useful", FillColor = Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Learning: what they learnt", FillColor = Orange });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.Orientation = Orientation.Horizontal;
        if (years.Count == 0)
        {
            var note = plot.Add.Text("No feedback yet", 0, FeedbackScale.Max / 2.0);
            note.LabelStyle.Alignment = Alignment.MiddleCenter;
        }
        plot.Axes.Color(Text);
        return plot.GetSvgXml(Width, Height);
    }
}
