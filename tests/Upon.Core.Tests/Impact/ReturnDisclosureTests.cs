using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;

namespace Upon.Core.Tests.Impact;

/// <summary>
/// The return's suppression: no count from 1 to 4 is shown or can be worked out across the quarters and the year, or
/// against the turnover figures (a linked report), or from a share and its denominator.
/// </summary>
public sealed class ReturnDisclosureTests
{
    private static readonly FinancialYear Year = new(2025);
    private static readonly DisclosureRule Rule = new();
    private static readonly ReturnFigureDefinition Flow = new("starts", "Starts", ReturnUnit.Count, "d") { AddsUpOverQuarters = true };
    private static readonly ReturnFigureDefinition FlowShare = new("share", "Share", ReturnUnit.Share, "d") { AddsUpOverQuarters = true };

    private static Disclosed<double?> Disclose(ReturnFigureDefinition figure, ReturnPeriod period, Func<ReturnPeriod, ReturnMeasure> measures) =>
        ReturnDisclosure.Disclose(Rule, figure, period, measures, (_, _) => throw new InvalidOperationException());

    private static Func<ReturnPeriod, ReturnMeasure> Counts(int[] quarters, int? linked = null) =>
        p => p.IsYear ? ReturnMeasure.Count(quarters.Sum(), linked) : ReturnMeasure.Count(quarters[p.Quarter - 1]);

    private static IEnumerable<ReturnPeriod> Periods() => ReturnPeriod.OfYear(Year).QuartersOfYear().Append(ReturnPeriod.OfYear(Year));

    [Fact]
    public void AQuarterOfThree_IsSuppressed_AndSoIsAnotherSoTheYearCannotGiveItAway()
    {
        var measures = Counts([3, 10, 12, 20]);
        var shown = Periods().ToDictionary(p => p.Quarter, p => Disclose(Flow, p, measures));
        Assert.True(shown[1].IsSuppressed);
        Assert.True(shown[2].IsSuppressed, "secondary suppression of the smallest other quarter");
        Assert.False(shown[3].IsSuppressed);
        Assert.Equal(45, shown[0].Value);
    }

    [Fact]
    public void AYearSuppressedByItsLink_SuppressesEveryQuarterThatIsNotZero()
    {
        // 20 first-time directors (people) against 22 first-time appointments in the turnover figures: the year is
        // suppressed, so its quarters must not add up to it.
        var measures = Counts([0, 10, 5, 5], linked: 22);
        var shown = Periods().ToDictionary(p => p.Quarter, p => Disclose(Flow, p, measures));
        Assert.True(shown[0].IsSuppressed);
        Assert.Equal(0, shown[1].Value);
        Assert.True(shown[2].IsSuppressed && shown[3].IsSuppressed && shown[4].IsSuppressed);
    }

    [Fact]
    public void AShare_IsSuppressedWhenThoseWithoutAreFew()
    {
        // 9 of 10 invited in time: the one not invited would be given away by the share and the count.
        ReturnMeasure Measure(ReturnPeriod p) => p.IsYear ? ReturnMeasure.Share(27, 30) : ReturnMeasure.Share(9, 10);
        Assert.True(Disclose(FlowShare, ReturnPeriod.OfQuarter(Year, 2), Measure).IsSuppressed);
        Assert.False(Disclose(FlowShare, ReturnPeriod.OfQuarter(Year, 2), p => p.IsYear ? ReturnMeasure.Share(20, 40) : ReturnMeasure.Share(5, 10)).IsSuppressed);
    }

    [Fact]
    public void ACountOfSomeOfTheFirstTimeDirectors_IsSuppressedWhereTheRestWouldBeGivenAway()
    {
        // First-time directors 7 and 10 in the first two quarters; BALI graduates among them 5 and 10. Shown as they are,
        // the year and the first quarter would tell of the 2 first-time directors who are not graduates.
        int[] whole = [7, 10, 0, 0], part = [5, 10, 0, 0];
        ReturnMeasure Linked(ReturnPeriod p) => p.IsYear ? ReturnMeasure.CountOf(part.Sum(), whole.Sum()) : ReturnMeasure.CountOf(part[p.Quarter - 1], whole[p.Quarter - 1]);
        var shown = Periods().ToDictionary(p => p.Quarter, p => Disclose(Flow, p, Linked));
        Assert.True(shown[1].IsSuppressed);
        Assert.True(shown[0].IsSuppressed, "the year would give the first quarter's rest away");
        Assert.Equal(10, shown[2].Value);
        Assert.Equal(0, shown[3].Value);
        // Without the whole, nothing is small: all shown.
        Assert.All(Periods(), p => Assert.False(Disclose(Flow, p, Counts(part)).IsSuppressed));
        // A count larger than its whole somewhere (figures that do not fit together) is disclosed on its own.
        Assert.False(Disclose(Flow, ReturnPeriod.OfQuarter(Year, 2), p => p.IsYear ? ReturnMeasure.CountOf(15, 3) : ReturnMeasure.CountOf(part[p.Quarter - 1], 0)).IsSuppressed);
    }

    [Fact]
    public void AShareOfSessions_IsSuppressedWhenItIsOverOneToFourPeople()
    {
        // One coaching relationship ended in the quarter, all 6 sessions used: 100% would be about one coachee.
        var used = new ReturnFigureDefinition("coachingEntitlementUsedShare", "Used", ReturnUnit.Share, "d") { AddsUpOverQuarters = true };
        ReturnMeasure Measure(ReturnPeriod p, int people) => p.IsYear ? ReturnMeasure.ShareOverGroup(60, 60, 10) : ReturnMeasure.ShareOverGroup(6, 6, people);
        Assert.True(Disclose(used, ReturnPeriod.OfQuarter(Year, 1), p => Measure(p, 1)).IsSuppressed);
        Assert.True(Disclose(used, ReturnPeriod.OfQuarter(Year, 1), p => Measure(p, 4)).IsSuppressed);
        Assert.Equal(1.0, Disclose(used, ReturnPeriod.OfQuarter(Year, 1), p => Measure(p, 5)).Value);
        Assert.Equal(1.0, ReturnDisclosure.Disclose(DisclosureRule.None, used, ReturnPeriod.OfQuarter(Year, 1), p => Measure(p, 1), (_, _) => throw new InvalidOperationException()).Value);
    }

    [Fact]
    public void SessionsPublishedElsewhereByMonth_AreShownOnlyWhereThoseMonthsGiveThem()
    {
        // Two strands by month (April to March): New Directors 6, 7, 0, 8 in July, August, September, October; aspirants 2 in
        // September and 6 in January, both suppressed there (the 6 would give the 2 back from the strand's 8). Quarters
        // 0, 15, 8, 6 and the year 29: nothing small, but Q2 less July and August would be the aspirants' September, and Q4
        // their January.
        var sessions = new ReturnFigureDefinition("coachingSessionsDelivered", "Sessions", ReturnUnit.Count, "d") { AddsUpOverQuarters = true };
        int[] newDirectors = [0, 0, 0, 6, 7, 0, 8, 0, 0, 0, 0, 0], aspirants = [0, 0, 0, 0, 0, 2, 0, 0, 0, 6, 0, 0];
        ReturnMeasure Measure(ReturnPeriod p)
        {
            var months = p.IsYear ? Enumerable.Range(0, 12) : Enumerable.Range((p.Quarter - 1) * 3, 3);
            return ReturnMeasure.CountOfParts([new(newDirectors, [.. months]), new(aspirants, [.. months])]);
        }
        var shown = Periods().ToDictionary(p => p.Quarter, p => Disclose(sessions, p, Measure));
        Assert.Equal(0, shown[1].Value);
        Assert.True(shown[2].IsSuppressed);
        Assert.Equal(8, shown[3].Value);
        Assert.True(shown[4].IsSuppressed);
        Assert.Equal(29, shown[0].Value);
        // Counted on their own, every quarter would be shown.
        Assert.All(Periods(), p => Assert.False(Disclose(sessions, p, q => ReturnMeasure.Count(Measure(q).Numerator)).IsSuppressed));
        // Staff see them all.
        Assert.All(Periods(), p => Assert.False(ReturnDisclosure.Disclose(DisclosureRule.None, sessions, p, Measure, (_, _) => throw new InvalidOperationException()).IsSuppressed));
    }

    [Fact]
    public void ReferenceData_IsShownAsPublished()
    {
        var reference = new ReturnFigureDefinition("ref", "Ref", ReturnUnit.Share, "d") { IsReference = true };
        Assert.Equal(0.02, Disclose(reference, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.ReferenceShare(0.02)).Value);
    }

    [Fact]
    public void Hours_FollowTheirSessions()
    {
        var hours = new ReturnFigureDefinition("hours", "Hours", ReturnUnit.Hours, "d") { BasisKey = "sessions" };
        var period = ReturnPeriod.OfQuarter(Year, 1);
        Assert.True(ReturnDisclosure.Disclose(Rule, hours, period, _ => ReturnMeasure.Hours(3), (_, _) => Disclosed.Suppressed<double?>()).IsSuppressed);
        Assert.Equal(3, ReturnDisclosure.Disclose(Rule, hours, period, _ => ReturnMeasure.Hours(3), (_, _) => Disclosed.Shown<double?>(6)).Value);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 300)];

    /// <summary>
    /// Random quarters, some linked to a turnover figure: every count shown is 0 or at least 5, and whatever the funder
    /// can add and subtract from the year, its quarters and the linked figure gives 0 or at least 5.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomQuarters_NothingSmallCanBeWorkedOut(int seed)
    {
        var random = new Random(seed);
        int[] quarters = [.. Enumerable.Range(0, 4).Select(_ => random.Next(4) == 0 ? 0 : random.Next(1, 12))];
        var total = quarters.Sum();
        int? linked = random.Next(2) == 0 ? total + random.Next(0, 8) : null;
        var shown = Periods().ToDictionary(p => p.Quarter, p => Disclose(Flow, p, Counts(quarters, linked)));
        foreach (var (quarter, figure) in shown)
        {
            Assert.False(figure.TryGetValue(out var v) && Rule.IsSmall((int)v!.Value), $"seed {seed}: period {quarter} shows {figure}");
        }
        var shownQuarters = Enumerable.Range(1, 4).Where(q => !shown[q].IsSuppressed).Sum(q => quarters[q - 1]);
        var hidden = Enumerable.Range(1, 4).Where(q => shown[q].IsSuppressed).Select(q => quarters[q - 1]).ToList();
        if (!shown[0].IsSuppressed)
        {
            Assert.False(Rule.IsSmall(total - shownQuarters), $"seed {seed}: the year less the quarters shown leaves {total - shownQuarters}");
            Assert.False(hidden.Count == 1 && Rule.IsSmall(hidden[0]), $"seed {seed}: one hidden quarter is given away");
            if (linked is { } l)
            {
                Assert.False(Rule.IsSmall(l - total), $"seed {seed}: the linked figure less the year leaves {l - total}");
            }
        }
        else if (linked is { } l && !Rule.IsSmall(l) && l > 0)
        {
            Assert.False(Rule.IsSmall(l - shownQuarters), $"seed {seed}: the linked figure less the quarters shown leaves {l - shownQuarters}");
        }
    }
    [Fact]
    public void Survival_IsShownWithFiveAtRisk_AndSuppressedWithFewerOrASmallGroup()
    {
        var figure = new ReturnFigureDefinition("retained12", "Retained", ReturnUnit.Share, "d");
        // Fifteen tenures: five ended at 100 days, ten running past a year (400 days): S(12 months) = 10/15, ten at risk.
        var fifteen = Participants((100, true, 5), (400, false, 10));
        var shown = Disclose(figure, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.Survival(fifteen, 12));
        Assert.True(shown.TryGetValue(out var value));
        Assert.Equal(0.6667, value);
        Assert.Equal(0.6667, ReturnMeasure.Survival(fifteen, 12).Value(ReturnUnit.Share));

        // Six tenures, two running past a year: 2 at risk at 12 months, so the share would tell of two people.
        var six = Participants((100, true, 4), (400, false, 2));
        Assert.True(Disclose(figure, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.Survival(six, 12)).IsSuppressed);

        // Ten tenures, two ended at 100 days, eight past a year: S = 0.8 of ten tells that two people left within the year.
        var ten = Participants((100, true, 2), (400, false, 8));
        Assert.True(Disclose(figure, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.Survival(ten, 12)).IsSuppressed);

        // Four tenures: a small group, suppressed whatever is at risk.
        var four = Participants((400, false, 4));
        Assert.True(Disclose(figure, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.Survival(four, 12)).IsSuppressed);

        // Beyond the longest observation the share does not exist: null for staff.
        Assert.Null(ReturnMeasure.Survival(fifteen, 24).Value(ReturnUnit.Share));
    }

    [Fact]
    public void Survival_NextQuarterEnd_WhenTwoMoreHaveLeftWithinTheYear_IsSuppressed()
    {
        var figure = new ReturnFigureDefinition("retained12", "Retained", ReturnUnit.Share, "d");
        // As of one quarter end: 5 left within a year, 10 past it. As of the next: 2 more who left within a year, and 5
        // more past it (n 15, then 22, both shown). Subtracting the two shares would tell of those two people.
        var first = Population((100, true, 5), (400, false, 10));
        var second = Population((100, true, 7), (491, false, 15));
        var series = new RetentionSeries([first, second], [15, 22]);
        Assert.False(new RetentionSeries([first], [15]).ParticipantsSurvival(12, Rule).IsSuppressed);
        Assert.Equal(22, series.Disclose(Rule).Groups[0].N.Value);
        Assert.True(Disclose(figure, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.Survival(series, 12)).IsSuppressed);
        Assert.True(series.ParticipantsSurvival(12, Rule).IsSuppressed);
        // Staff see it.
        Assert.Equal(0.6818, ReturnDisclosure.Disclose(DisclosureRule.None, figure, ReturnPeriod.OfYear(Year), _ => ReturnMeasure.Survival(series, 12), (_, _) => throw new InvalidOperationException()).TryGetValue(out var exact) ? exact : null);
    }

    private static RetentionEvaluationResult Population(params (int Days, bool Ended, int Count)[] groups)
    {
        var population = groups.SelectMany((g, i) => Enumerable.Range(0, g.Count).Select(j => new RetentionTenure(
            $"p{i}-{j}", "201", new LocalDate(2020, 4, 1), null, RetentionType.Permanent, RetentionGroup.Participants, null, new SurvivalObservation(g.Days, g.Ended)))).ToList();
        return RetentionEvaluationResult.Evaluate(population, new LocalDate(2025, 3, 31));
    }

    private static RetentionSeries Participants(params (int Days, bool Ended, int Count)[] groups)
    {
        var result = Population(groups);
        return new RetentionSeries([result], [result.Population.Count]);
    }
}
