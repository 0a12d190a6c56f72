using System.Globalization;
using ScottPlot;
using Upon.Core;

namespace Upon.Impact;

/// <summary>The pipeline chart of the equality page: one ethnic group's share at each stage, drawn with ScottPlot as SVG.</summary>
public static class EqualityCharts
{
    public const int Width = 800;
    public const int Height = 380;

    /// <summary>The stages a characteristic's chart shows: every stage for an ethnic group, the programme's for sex and disability, those showing BALI for BALI.</summary>
    public static IReadOnlyList<EqualityStage> StagesFor(IReadOnlyList<EqualityStage> stages, string characteristic)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return characteristic switch
        {
            EqualityByYear.FemaleCharacteristic or EqualityByYear.DisabledCharacteristic => [.. stages.Where(s => s.IsProgramme)],
            EqualityByYear.BaliCharacteristic => [.. stages.Where(s => s.ShowsBali)],
            _ => stages,
        };
    }

    /// <summary>
    /// Bars of the share with <paramref name="group"/> (an ethnic major group or another characteristic of
    /// <see cref="EqualityByYear.Characteristics"/>) at each stage it applies to, in order; a suppressed share has no bar
    /// and a "c" instead.
    /// </summary>
    public static string PipelineSvg(IReadOnlyList<EqualityStage> stages, string group)
    {
        stages = StagesFor(stages, group);
        using var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < stages.Count; i++)
        {
            var share = stages[i].ShareOf(group);
            if (share.TryGetValue(out var value) && value is { } v)
            {
                bars.Add(new Bar { Position = i, Value = v * 100, FillColor = stages[i].IsProgramme ? Color.FromHex("#f47738") : Color.FromHex("#1d70b8"), Label = FigureFormat.Percent(v) });
            }
            else
            {
                var text = plot.Add.Text(share.IsSuppressed ? "c" : "–", i, 0);
                text.LabelStyle.FontSize = 14;
                text.LabelAlignment = Alignment.LowerCenter;
            }
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, stages.Count).Select(i => (double)i)], [.. stages.Select(s => Wrap(s.Name))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = group == EqualityByYear.BaliCharacteristic ? $"{group} (% of the stage)" : $"{group} (% of those who answered)";
        plot.Axes.SetLimitsY(0, Math.Max(10, bars.Count == 0 ? 10 : bars.Max(b => b.Value) * 1.2));
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{group}: share at each stage");
        return plot.GetSvgXml(Width, Height);
    }

    private static string Wrap(string name) =>
        name.Length <= 16 ? name : string.Join('\n', name.Split(' ').Aggregate(new List<string> { "" }, (lines, word) =>
        {
            if ((lines[^1] + " " + word).Trim().Length > 16 && lines[^1].Length > 0)
            {
                lines.Add(word);
            }
            else
            {
                lines[^1] = (lines[^1] + " " + word).Trim();
            }
            return lines;
        }));

    /// <summary>The group's slug for a chart's address: "black-african-caribbean-black-british".</summary>
    public static string Slug(string group) =>
        string.Join('-', (group ?? "").ToLower(CultureInfo.InvariantCulture).Split([' ', '/', ','], StringSplitOptions.RemoveEmptyEntries));
}
