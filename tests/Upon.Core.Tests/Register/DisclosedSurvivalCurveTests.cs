using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

public class DisclosedSurvivalCurveTests
{
    private static readonly DisclosureRule Rule = new();

    // Ten tenures: events at 100 to 500 days, censored at 150, 250, 600, 700 and 800. At risk: 10 at 100, 9 at 150,
    // 8 at 200, 7 at 250, 6 at 300, 5 at 400, 4 at 500, 3 at 600 ... Survival reaches 0.394 at 500 days, the median.
    private static readonly KaplanMeierCurve Curve = KaplanMeier.Estimate(
        [(100, true), (200, true), (300, true), (400, true), (500, true), (150, false), (250, false), (600, false), (700, false), (800, false)]);

    [Fact]
    public void Disclose_StopsAtTheFirstStepWithFewAtRisk()
    {
        var disclosed = DisclosedSurvivalCurve.Disclose(Curve, Rule);

        Assert.Equal([100, 150, 200, 250, 300, 400], disclosed.Steps.Select(s => s.Days));
        Assert.Equal(Curve.Steps.Take(6), disclosed.Steps);
        Assert.Equal(500, disclosed.HiddenFromDays);
        Assert.Equal(500, Curve.MedianDays);
        Assert.True(disclosed.MedianDays.IsSuppressed); // 4 at risk at 500 days
    }

    [Fact]
    public void Disclose_MedianBeforeTheCut_IsShown()
    {
        var disclosed = DisclosedSurvivalCurve.Disclose(Curve, new DisclosureRule(4));

        Assert.Equal(600, disclosed.HiddenFromDays);
        Assert.Equal(Disclosed.Shown<double?>(500), disclosed.MedianDays);
    }

    [Fact]
    public void Disclose_NoMedianAndACut_SuppressesTheAbsence()
    {
        var curve = KaplanMeier.Estimate([(100, true), (200, false), (300, false), (400, false), (500, false), (600, false)]);

        var disclosed = DisclosedSurvivalCurve.Disclose(curve, Rule);

        Assert.Null(curve.MedianDays);
        Assert.Equal(300, disclosed.HiddenFromDays);
        Assert.True(disclosed.MedianDays.IsSuppressed);
    }

    [Fact]
    public void Disclose_NoMedianWithoutACut_ShowsThereIsNone()
    {
        var curve = KaplanMeier.Estimate([(100, true), .. Enumerable.Repeat((200, false), 6)]);

        var disclosed = DisclosedSurvivalCurve.Disclose(curve, Rule);

        Assert.Null(disclosed.HiddenFromDays);
        Assert.Equal(curve.Steps, disclosed.Steps);
        Assert.Equal(Disclosed.Shown<double?>(null), disclosed.MedianDays);
    }

    [Fact]
    public void Disclose_FewerTenuresThanTheThreshold_ShowsNothing()
    {
        var curve = KaplanMeier.Estimate([(100, true), (200, true), (300, true), (400, true)]);

        var disclosed = DisclosedSurvivalCurve.Disclose(curve, Rule);

        Assert.Empty(disclosed.Steps);
        Assert.Equal(100, disclosed.HiddenFromDays);
        Assert.True(disclosed.MedianDays.IsSuppressed);
    }

    [Fact]
    public void Disclose_NoTenures_IsEmptyWithNoMedian()
    {
        var disclosed = DisclosedSurvivalCurve.Disclose(KaplanMeier.Estimate([]), Rule);

        Assert.Empty(disclosed.Steps);
        Assert.Null(disclosed.HiddenFromDays);
        Assert.Equal(Disclosed.Shown<double?>(null), disclosed.MedianDays);
    }

    [Fact]
    public void Disclose_NoneRule_ShowsTheWholeCurve()
    {
        var disclosed = DisclosedSurvivalCurve.Disclose(Curve, DisclosureRule.None);

        Assert.Equal(Curve.Steps, disclosed.Steps);
        Assert.Null(disclosed.HiddenFromDays);
        Assert.Equal(Disclosed.Shown<double?>(500), disclosed.MedianDays);
    }
}
