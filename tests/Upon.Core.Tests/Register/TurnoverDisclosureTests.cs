using Upon.Core.Disclosure;
using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverDisclosureTests
{
    private static readonly DisclosureRule Rule = new();

    private static TurnoverFigures Figures(
        int localAuthorities = 153, int changes = 40, int withChange = 35, int withUnplanned = 10, int firstTime = 20,
        double interimShare = 0.1, double? mean = 30.5, double? median = 48.2, int? rising = null, string year = "2023-24") =>
        new(year, localAuthorities, changes, withChange, withUnplanned,
            localAuthorities == 0 ? 0 : Math.Round((double)withUnplanned / localAuthorities, 4), firstTime, interimShare, mean, median, rising);

    private static TurnoverCounts Counts(int interim = 15, int completed = 30, int atRiskBehindMedian = 60) =>
        new(interim, completed, atRiskBehindMedian);

    private static DisclosedTurnoverFigures One(TurnoverFigures figures, TurnoverCounts? counts = null) =>
        TurnoverDisclosure.Disclose(Rule, [figures], [counts ?? Counts()])[0];

    [Fact]
    public void LargeFigures_AreAllShown()
    {
        var figures = Figures();

        var disclosed = One(figures);

        Assert.Empty(disclosed.SuppressedFigures());
        Assert.Equal(153, disclosed.LocalAuthorities.Value);
        Assert.Equal(40, disclosed.Changes.Value);
        Assert.Equal(35, disclosed.AuthoritiesWithChange.Value);
        Assert.Equal(10, disclosed.AuthoritiesWithUnplannedChange.Value);
        Assert.Equal(figures.UnplannedChangeRate, disclosed.UnplannedChangeRate.Value);
        Assert.Equal(20, disclosed.FirstTimeDirectors.Value);
        Assert.Equal(0.1, disclosed.InterimShareAtYearEnd.Value);
        Assert.Equal(30.5, disclosed.MeanCompletedTenureMonths.Value);
        Assert.Equal(48.2, disclosed.MedianTenureMonths.Value);
        Assert.Null(disclosed.ConsecutiveYearsRising.Value);
    }

    [Fact]
    public void SmallCounts_AreSuppressed()
    {
        var disclosed = One(Figures(changes: 4, withChange: 3, withUnplanned: 1, firstTime: 2));

        Assert.Equal(
            ["Changes", "AuthoritiesWithChange", "AuthoritiesWithUnplannedChange", "UnplannedChangeRate", "FirstTimeDirectors"],
            disclosed.SuppressedFigures());
    }

    [Fact]
    public void Zeros_AreShown()
    {
        var disclosed = One(Figures(changes: 0, withChange: 0, withUnplanned: 0, firstTime: 0, interimShare: 0, mean: null), Counts(interim: 0, completed: 0));

        Assert.Empty(disclosed.SuppressedFigures());
        Assert.Equal(0, disclosed.Changes.Value);
        Assert.Equal(0, disclosed.UnplannedChangeRate.Value);
        Assert.Equal(0, disclosed.InterimShareAtYearEnd.Value);
        Assert.Null(disclosed.MeanCompletedTenureMonths.Value);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void UnplannedChangeRate_FollowsItsCount(int withUnplanned, bool suppressed)
    {
        var disclosed = One(Figures(withUnplanned: withUnplanned));

        Assert.Equal(suppressed, disclosed.AuthoritiesWithUnplannedChange.IsSuppressed);
        Assert.Equal(suppressed, disclosed.UnplannedChangeRate.IsSuppressed);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(0, false)]
    public void InterimShare_FollowsTheCountOfInterims(int interim, bool suppressed) =>
        Assert.Equal(suppressed, One(Figures(interimShare: Math.Round(interim / 153.0, 4)), Counts(interim: interim)).InterimShareAtYearEnd.IsSuppressed);

    [Fact]
    public void AuthorityCounts_WhoseRemainderIsSmall_AreSuppressed()
    {
        // 153 - 150 would say 3 authorities had no change; 153 - 151 that 2 were not led by an interim.
        var disclosed = One(Figures(changes: 160, withChange: 150, withUnplanned: 149, interimShare: 0.9869), Counts(interim: 151));

        Assert.True(disclosed.AuthoritiesWithChange.IsSuppressed);
        Assert.True(disclosed.AuthoritiesWithUnplannedChange.IsSuppressed);
        Assert.True(disclosed.UnplannedChangeRate.IsSuppressed);
        Assert.True(disclosed.InterimShareAtYearEnd.IsSuppressed);
        Assert.Equal(160, disclosed.Changes.Value); // not a part of the authorities
        Assert.Equal(153, disclosed.LocalAuthorities.Value);
    }

    [Fact]
    public void AuthorityCounts_EqualToTheTotal_AreShown()
    {
        var disclosed = One(Figures(withChange: 153, withUnplanned: 153, interimShare: 1), Counts(interim: 153));

        Assert.Equal(153, disclosed.AuthoritiesWithChange.Value);
        Assert.Equal(1, disclosed.UnplannedChangeRate.Value);
        Assert.Equal(1, disclosed.InterimShareAtYearEnd.Value);
    }

    [Fact]
    public void AuthorityCount_AboveTheTotal_IsACountOnItsOwn()
    {
        // An authority that changed director and then ceased before 31 March is not among those in operation then.
        var disclosed = One(Figures(localAuthorities: 5, withChange: 6, withUnplanned: 0, interimShare: 0), Counts(interim: 0));

        Assert.Equal(6, disclosed.AuthoritiesWithChange.Value);
    }

    [Fact]
    public void FewAuthorities_SuppressTheirRatesAndShares()
    {
        var disclosed = One(Figures(localAuthorities: 4, changes: 0, withChange: 0, withUnplanned: 0, interimShare: 0), Counts(interim: 0));

        Assert.True(disclosed.LocalAuthorities.IsSuppressed);
        Assert.Equal(0, disclosed.AuthoritiesWithChange.Value);
        Assert.True(disclosed.UnplannedChangeRate.IsSuppressed);
        Assert.True(disclosed.InterimShareAtYearEnd.IsSuppressed);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void MeanCompletedTenure_OverFewTenures_IsSuppressed(int completed, bool suppressed) =>
        Assert.Equal(suppressed, One(Figures(), Counts(completed: completed)).MeanCompletedTenureMonths.IsSuppressed);

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void MedianTenure_FewAtRisk_IsSuppressed(int atRisk, bool suppressed) =>
        Assert.Equal(suppressed, One(Figures(), Counts(atRiskBehindMedian: atRisk)).MedianTenureMonths.IsSuppressed);

    [Fact]
    public void MedianTenure_NoneFromFewTenures_IsSuppressed()
    {
        Assert.True(One(Figures(median: null), Counts(atRiskBehindMedian: 3)).MedianTenureMonths.IsSuppressed);
        Assert.Equal(Disclosed.Shown<double?>(null), One(Figures(median: null), Counts(atRiskBehindMedian: 0)).MedianTenureMonths);
    }

    private static IReadOnlyList<DisclosedTurnoverFigures> Series(params (int Changes, int? Rising)[] years) =>
        TurnoverDisclosure.Disclose(
            Rule,
            [.. years.Select((y, i) => Figures(changes: y.Changes, withChange: Math.Min(y.Changes, 153), rising: y.Rising, year: new FinancialYear(2015 + i).Label))],
            [.. years.Select(_ => Counts())]);

    [Fact]
    public void ConsecutiveYearsRising_ComparingSuppressedChanges_IsSuppressed()
    {
        var years = Series((10, null), (3, 0), (0, 0), (6, 1), (8, 2), (9, 3));

        Assert.Equal(["", "c", "c", "1", "2", "3"], years.Select(y => y.ConsecutiveYearsRising.ToString()));
    }

    [Fact]
    public void ConsecutiveYearsRising_ThroughSuppressedYears_DoesNotGiveThemAway()
    {
        // Rising for the fifth year from 0 would mean 1, 2, 3 and 4.
        var years = Series((0, null), (1, 1), (2, 2), (3, 3), (4, 4), (10, 5), (20, 6));

        Assert.Equal(["", "c", "c", "c", "c", "c", "c"], years.Select(y => y.ConsecutiveYearsRising.ToString()));
    }

    [Fact]
    public void ConsecutiveYearsRising_ZeroAfterASuppressedYear_IsSuppressed()
    {
        // 4 then 2: not rising, which says the second is at most the first.
        var years = Series((10, null), (4, 0), (2, 0), (0, 0), (0, 0));

        Assert.Equal(["", "c", "c", "c", "0"], years.Select(y => y.ConsecutiveYearsRising.ToString()));
    }

    [Fact]
    public void Disclose_NoneRule_ShowsEverythingExactly()
    {
        var figures = Figures(changes: 1, withChange: 1, withUnplanned: 1, firstTime: 1, rising: 1);

        var disclosed = TurnoverDisclosure.Disclose(DisclosureRule.None, [figures], [Counts(1, 1, 1)])[0];

        Assert.Empty(disclosed.SuppressedFigures());
        Assert.Equal(1, disclosed.Changes.Value);
        Assert.Equal(1, disclosed.ConsecutiveYearsRising.Value);
    }

    [Fact]
    public void Disclose_CountsOfAnotherLength_AreRefused() =>
        Assert.Throws<ArgumentException>(() => TurnoverDisclosure.Disclose(Rule, [Figures()], []));

    [Fact]
    public void DisclosedYears_DisclosesTheCalculatorsYearsWithTheirCounts()
    {
        var calculator = TurnoverCountsTests.Register();
        var today = Date("2023-06-01");
        var years = calculator.Years(today);

        var disclosed = calculator.DisclosedYears(today, Rule);

        Assert.Equal(TurnoverDisclosure.Disclose(Rule, years, [.. years.Select(y => calculator.CountsFor(Year(y.FinancialYear)))]), disclosed);
        Assert.True(disclosed[1].MedianTenureMonths.IsSuppressed); // two at risk where it falls to 0.4
    }
}
