using System.Globalization;
using System.Xml.Linq;
using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Register.Charts;

namespace Upon.Tests.Register.Charts;

public sealed class TurnoverChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TurnoverFigures Year(int start, int changes, int authorities) =>
        new(new FinancialYear(start).Label, 153, changes, authorities, 5, 0.0327, 20, 0.1, 30.5, 48.2, null);

    private static IReadOnlyList<DisclosedTurnoverFigures> Exact(IReadOnlyList<TurnoverFigures> years) =>
        TurnoverDisclosure.Disclose(DisclosureRule.None, years, [.. years.Select(_ => new TurnoverCounts(0, 0, 0))]);

    private static readonly IReadOnlyList<DisclosedTurnoverFigures> FiveYears =
        Exact([Year(2021, 40, 38), Year(2022, 52, 47), Year(2023, 61, 55), Year(2024, 58, 50), Year(2025, 12, 12)]);

    // Ten tenures in days: events at 100, 200, 300, 400 and 500 days, the rest censored.
    private static readonly KaplanMeierCurve Curve = KaplanMeier.Estimate(
        [(100, true), (200, true), (300, true), (400, true), (500, true), (150, false), (250, false), (600, false), (700, false), (800, false)]);

    /// <summary>A curve as staff see it: all of it.</summary>
    private static DisclosedSurvivalCurve Whole(KaplanMeierCurve curve) => DisclosedSurvivalCurve.Disclose(curve, DisclosureRule.None);

    private static XDocument Parse(string svg)
    {
        var doc = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        return doc;
    }

    private static List<string> Texts(XDocument doc) => [.. doc.Descendants(Svg + "text").Select(t => t.Value.Trim())];

    [Fact]
    public void ChangesSvg_IsAVectorBarChartOfEveryYear()
    {
        var doc = Parse(TurnoverCharts.ChangesSvg(FiveYears));

        Assert.Equal("800", doc.Root!.Attribute("width")?.Value);
        Assert.Equal("400", doc.Root!.Attribute("height")?.Value);
        Assert.Empty(doc.Descendants(Svg + "image"));
        Assert.NotEmpty(doc.Descendants(Svg + "path"));
        var texts = Texts(doc);
        Assert.All(FiveYears, y => Assert.Contains(y.FinancialYear, texts));
        Assert.Contains("Changes of DCS", texts);
        Assert.Contains("Authorities with a change", texts);
        // Two bars a year, in GOV.UK blue and orange.
        var fills = doc.Descendants(Svg + "rect").Select(r => r.Attribute("fill")?.Value?.ToUpperInvariant()).ToList();
        Assert.True(fills.Count(f => f == "#1D70B8") >= FiveYears.Count, string.Join(", ", fills));
        Assert.True(fills.Count(f => f == "#F47738") >= FiveYears.Count, string.Join(", ", fills));
    }

    [Fact]
    public void ChangesSvg_MarksTheYearToDate()
    {
        var doc = Parse(TurnoverCharts.ChangesSvg(FiveYears, incompleteYear: "2025-26"));

        var texts = Texts(doc);
        Assert.Contains("2025-26*", texts);
        Assert.Contains("Financial year (* 2025-26 to date)", texts);
        var fills = doc.Descendants(Svg + "rect").Select(r => r.Attribute("fill")?.Value?.ToUpperInvariant()).ToList();
        Assert.Contains("#8EB8DC", fills); // the lighter blue
    }

    [Fact]
    public void ChangesSvg_ManyYears_Renders()
    {
        var years = Exact([.. Enumerable.Range(2000, 27).Select(y => Year(y, y % 7 * 10, y % 7 * 9))]);

        var texts = Texts(Parse(TurnoverCharts.ChangesSvg(years)));

        Assert.Contains("2000-01", texts);
        Assert.Contains("2026-27", texts);
    }

    [Fact]
    public void SurvivalSvg_IsAStepPlotWithTheMedianMarked()
    {
        var doc = Parse(TurnoverCharts.SurvivalSvg(Whole(Curve)));

        Assert.Equal("800", doc.Root!.Attribute("width")?.Value);
        Assert.Equal("450", doc.Root!.Attribute("height")?.Value);
        Assert.Empty(doc.Descendants(Svg + "image"));
        var texts = Texts(doc);
        Assert.Contains("Years in post", texts);
        Assert.Contains("Share of tenures lasting longer", texts);
        Assert.Contains("0.5", texts);
        Assert.Contains("1", texts);
        // Survival 9/10 at 100 days, then 7/8, 5/6, 4/5 and 3/4 of that (censorings in between): 0.394 at 500 days,
        // the median: 16.43 months, 1.4 years.
        Assert.Equal(500, Curve.MedianDays);
        Assert.Contains("Median 16.43 months (1.4 years)", texts);
        // The step line, in blue: a level and a drop for each step.
        var line = doc.Descendants(Svg + "path").Where(p => p.Attribute("stroke")?.Value?.ToUpperInvariant() == "#1D70B8")
            .Select(p => p.Attribute("d")?.Value ?? "").ToList();
        Assert.Contains(line, d => d.Split('L').Length > 2 * Curve.Steps.Count);
    }

    [Fact]
    public void SurvivalSvg_DrawsTheHalfLineDashed()
    {
        // Skia's SVG output ignores dash effects, so the dashes are separate segments: many short paths of one colour.
        var doc = Parse(TurnoverCharts.SurvivalSvg(Whole(Curve)));

        var strokes = doc.Descendants(Svg + "path").Select(p => p.Attribute("stroke")?.Value?.ToUpperInvariant()).ToList();
        Assert.True(strokes.Count(s => s == "#484949") >= 30, string.Join(", ", strokes));
        Assert.True(strokes.Count(s => s == "#D4351C") >= 10, string.Join(", ", strokes)); // down from the median
    }

    [Fact]
    public void SurvivalSvg_NoMedian_SaysSo()
    {
        var curve = KaplanMeier.Estimate([(100, true), (200, false), (300, false), (400, false)]);

        var texts = Texts(Parse(TurnoverCharts.SurvivalSvg(Whole(curve))));

        Assert.Contains("Survival has not fallen to one half: no median yet", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Median", StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_WithoutData_Render()
    {
        Assert.Contains("No appointments in the register yet", Texts(Parse(TurnoverCharts.ChangesSvg([]))));
        Assert.Contains("No tenures to estimate from", Texts(Parse(TurnoverCharts.SurvivalSvg(Whole(KaplanMeier.Estimate([]))))));
    }

    [Fact]
    public void Charts_UseAnInstalledSansSerifFontWithFallbacks()
    {
        var font = TurnoverCharts.InstalledFont();

        var families = Parse(TurnoverCharts.SurvivalSvg(Whole(Curve))).Descendants(Svg + "text")
            .Select(t => t.Attribute("font-family")?.Value).Distinct().ToList();
        Assert.Equal([$"{font}, Arial, Helvetica, sans-serif"], families);
        if (TurnoverCharts.PreferredFonts.Any(f => ScottPlot.Fonts.GetTypeface(f, false, false)?.FamilyName == f))
        {
            Assert.Contains(font, TurnoverCharts.PreferredFonts);
        }
    }

    [Fact]
    public void Charts_FontMissing_FallBackAndRender()
    {
        const string missing = "No Such Font Upon 9f2c";

        Assert.Equal(ScottPlot.Fonts.Default, TurnoverCharts.FontOrFallback(missing, ["Nor This One Upon 9f2c"]));
        var changes = Parse(TurnoverCharts.ChangesSvg(FiveYears, fontName: missing));
        var survival = Parse(TurnoverCharts.SurvivalSvg(Whole(Curve), fontName: missing));
        Assert.Contains("2023-24", Texts(changes));
        Assert.Contains("Years in post", Texts(survival));
        Assert.DoesNotContain(survival.Descendants(Svg + "text"), t => t.Attribute("font-family")?.Value?.Contains(missing, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Charts_RenderConcurrently()
    {
        var svgs = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            i % 2 == 0 ? TurnoverCharts.ChangesSvg(FiveYears) : TurnoverCharts.SurvivalSvg(Whole(Curve)))));

        Assert.All(svgs, svg => Parse(svg));
    }

    [Fact]
    public void TenureSurvival_ReadsTheCurveAtEachYear()
    {
        // Days: events at 300, 500 and 800; censored at 400 and 1,000. Survival 4/5 after 300, 4/5 * 2/3 = 8/15 after
        // 500 (3 at risk), 8/15 * 1/2 = 4/15 after 800 (2 at risk); the last is censored, so nothing beyond 1,000 days.
        var curve = KaplanMeier.Estimate([(300, true), (400, false), (500, true), (800, true), (1000, false)]);

        var points = TenureSurvival.At(curve, [0.5, 1, 2, 2.5, 3]);

        Assert.Equal(new SurvivalPoint(0.5, 1, 5), points[0]); // 182.6 days
        Assert.Equal(new SurvivalPoint(1, 0.8, 4), points[1]); // 365.25 days: one ended at 300
        Assert.Equal(8.0 / 15, points[2].Survival!.Value, 12); // 730.5 days: after 500 but not 800
        Assert.Equal(new SurvivalPoint(2, points[2].Survival, 2), points[2]);
        Assert.Equal(4.0 / 15, points[3].Survival!.Value, 12);
        Assert.Equal(new SurvivalPoint(2.5, points[3].Survival, 1), points[3]); // 913 days: only the one censored at 1,000
        Assert.Equal(new SurvivalPoint(3, null, 0), points[4]); // beyond the longest observation: not estimable
    }

    [Fact]
    public void TenureSurvival_AllEnded_IsZeroBeyondTheLast()
    {
        var curve = KaplanMeier.Estimate([(100, true), (200, true)]);

        Assert.Equal([new SurvivalPoint(1, 0, 0)], TenureSurvival.At(curve, [1]));
        Assert.Equal([new SurvivalPoint(1, null, 0)], TenureSurvival.At(KaplanMeier.Estimate([]), [1]));
        Assert.Equal("1.5", TenureSurvival.Years(547.875).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ChangesSvg_SuppressedFigures_HaveNoBarButAMark()
    {
        TurnoverFigures[] exact = [Year(2021, 40, 38), Year(2022, 3, 3), Year(2023, 0, 0), Year(2024, 6, 4)];
        var suppressed = TurnoverDisclosure.Disclose(new DisclosureRule(), exact, [.. exact.Select(_ => new TurnoverCounts(0, 0, 0))]);

        var all = Parse(TurnoverCharts.ChangesSvg(Exact(exact)));
        var shown = Parse(TurnoverCharts.ChangesSvg(suppressed));

        int Bars(XDocument doc, string colour) =>
            doc.Descendants(Svg + "rect").Count(r => r.Attribute("fill")?.Value?.Equals(colour, StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal(Bars(all, "#1D70B8") - 1, Bars(shown, "#1D70B8")); // 2022-23's 3 changes
        Assert.Equal(Bars(all, "#F47738") - 2, Bars(shown, "#F47738")); // 2022-23's 3 and 2024-25's 4 authorities
        var texts = Texts(shown);
        Assert.Equal(3, texts.Count(t => t == "c"));
        Assert.Contains("Financial year (c: suppressed, not drawn)", texts);
        Assert.DoesNotContain("c", Texts(all));
    }

    [Fact]
    public void SurvivalSvg_CutCurve_StopsAtTheLastStepShownWithANote()
    {
        // At 500 days only 4 tenures are at risk: the curve stops at 400 days (1.1 years), before the median.
        var cut = DisclosedSurvivalCurve.Disclose(Curve, new DisclosureRule());

        var doc = Parse(TurnoverCharts.SurvivalSvg(cut));

        var texts = Texts(doc);
        Assert.Contains("Not shown beyond 1.1 years: too few tenures at risk (suppressed)", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Median", StringComparison.Ordinal));
        Assert.DoesNotContain("Survival has not fallen to one half: no median yet", texts);
        var line = doc.Descendants(Svg + "path").Where(p => p.Attribute("stroke")?.Value?.ToUpperInvariant() == "#1D70B8")
            .Select(p => p.Attribute("d")?.Value ?? "").Max(d => d.Split('L').Length);
        Assert.True(line <= 2 * cut.Steps.Count + 1, $"{line} segments for {cut.Steps.Count} steps");
    }

    [Fact]
    public void SurvivalSvg_CutAfterTheMedian_MarksIt()
    {
        var texts = Texts(Parse(TurnoverCharts.SurvivalSvg(DisclosedSurvivalCurve.Disclose(Curve, new DisclosureRule(4)))));

        Assert.Contains("Median 16.43 months (1.4 years)", texts);
        Assert.Contains("Not shown beyond 1.4 years: too few tenures at risk (suppressed)", texts);
    }

    [Fact]
    public void SurvivalSvg_TooFewTenures_ShowsNoCurve()
    {
        var few = DisclosedSurvivalCurve.Disclose(KaplanMeier.Estimate([(100, true), (200, true), (300, false)]), new DisclosureRule());

        var texts = Texts(Parse(TurnoverCharts.SurvivalSvg(few)));

        Assert.Contains("Too few tenures to show the curve (suppressed)", texts);
        Assert.DoesNotContain("No tenures to estimate from", texts);
    }

    [Fact]
    public void TenureSurvival_Disclosed_SuppressesWhereFewAreAtRisk()
    {
        // As in TenureSurvival_ReadsTheCurveAtEachYear: 5 at risk at half a year, 4 at 1 year, 2 at 2, 1 at 2.5, none at 3.
        var curve = KaplanMeier.Estimate([(300, true), (400, false), (500, true), (800, true), (1000, false)]);
        double[] years = [0.5, 1, 2, 2.5, 3];

        Assert.Equal(
            ["1/5", "c/c", "c/c", "c/c", "c/0"],
            TenureSurvival.At(curve, years, new DisclosureRule()).Select(p => $"{p.Survival}/{p.AtRisk}"));
        Assert.Equal(
            ["1/5", "0.8/4", "c/c", "c/c", "c/0"],
            TenureSurvival.At(curve, years, new DisclosureRule(3)).Select(p => $"{p.Survival}/{p.AtRisk}"));
        Assert.Equal(
            TenureSurvival.At(curve, years).Select(p => $"{p.Survival}/{p.AtRisk}"),
            TenureSurvival.At(curve, years, DisclosureRule.None).Select(p => $"{p.Survival}/{p.AtRisk}"));
    }

    [Fact]
    public void TenureSurvival_Disclosed_NoneAtRiskOnAWholeCurve_IsShown()
    {
        // Every step has at least 5 at risk: beyond the last, the share (0, all ended) rests on nothing suppressed.
        var curve = KaplanMeier.Estimate([.. Enumerable.Repeat((100, true), 6)]);

        var point = Assert.Single(TenureSurvival.At(curve, [1], new DisclosureRule()));

        Assert.Equal(Disclosed.Shown<double?>(0), point.Survival);
        Assert.Equal(Disclosed.Shown(0), point.AtRisk);
    }
}
