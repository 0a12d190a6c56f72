using NodaTime.Text;
using Upon.Core.NewDirectors;
using Upon.Core.Register;

namespace Upon.Core.Tests.NewDirectors;

public class InvitationFiguresTests
{
    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static LocalDate? OptionalDate(string? iso) => iso is null ? null : D(iso);

    private static FirstPostFact Fact(string start, string? recorded = null, string? sent = null, InvitationOutcome? outcome = null, string person = "p") =>
        new(person, D(start), OptionalDate(recorded), OptionalDate(sent), outcome ?? (sent is null ? InvitationOutcome.NotSent : InvitationOutcome.Awaiting));

    private static InvitationYearFigures Year(string label, params FirstPostFact[] facts) =>
        InvitationFigures.Year(FinancialYear.Parse(label), facts);

    /// <summary>
    /// Seven first-time directors in 2023-24:
    /// <code>
    ///        start       told        sent        days  within  told late  answer
    /// p1     1 Jun 2023  20 May      1 Jun        0    yes     no         accepted
    /// p2    10 Jul 2023  15 Jul      15 Jul       5    yes     5          declined (link)
    /// p3     1 Sep 2023   1 Oct       1 Oct      30    no      30         awaiting
    /// p4     1 Nov 2023   1 Nov      15 Nov      14    yes     no (0)     expired
    /// p5     2 Jan 2024   1 Jan      17 Jan      15    no      no (-1)    withdrawn
    /// p6     1 Feb 2024   1 Sep 2024  -          -     -       213        none (history)
    /// p7    10 Mar 2024   not known   -          -     -       unknown    declined in conversation, never emailed
    /// </code>
    /// invited 5 (p1-p5); days 0, 5, 14, 15, 30, median 14; within 3 (p1, p2, p4), rate 3 / 7 = 0.428571... = 0.4286;
    /// accepted 1; declined 2 (p2, p7); awaiting 1 (p3: p4 expired and p5 withdrawn are invited, not awaiting);
    /// recorded late 3 (p2 5, p3 30, p6 213: Feb 2024 has 29 days, so 29 + 31 + 30 + 31 + 30 + 31 + 31), median 30.
    /// </summary>
    [Fact]
    public void Year_HandWorkedExample_GivesEveryFigure()
    {
        var figures = Year("2023-24",
            Fact("2023-06-01", "2023-05-20", "2023-06-01", InvitationOutcome.Accepted, "p1"),
            Fact("2023-07-10", "2023-07-15", "2023-07-15", InvitationOutcome.Declined, "p2"),
            Fact("2023-09-01", "2023-10-01", "2023-10-01", InvitationOutcome.Awaiting, "p3"),
            Fact("2023-11-01", "2023-11-01", "2023-11-15", InvitationOutcome.Expired, "p4"),
            Fact("2024-01-02", "2024-01-01", "2024-01-17", InvitationOutcome.Withdrawn, "p5"),
            Fact("2024-02-01", "2024-09-01", null, InvitationOutcome.NotSent, "p6"),
            Fact("2024-03-10", null, null, InvitationOutcome.Declined, "p7"));

        Assert.Equal(new InvitationYearFigures("2023-24", 7, 5, 3, 0.4286, 14, 1, 2, 1, 3, 30), figures);
    }

    [Fact]
    public void Year_SentOnDayFourteen_IsWithin_AndDayFifteenIsNot()
    {
        var figures = Year("2024-25",
            Fact("2024-06-01", "2024-06-01", "2024-06-15", person: "on-14"),
            Fact("2024-06-01", "2024-06-01", "2024-06-16", person: "on-15"));

        Assert.Equal(2, figures.Invited);
        Assert.Equal(1, figures.InvitedWithin14Days);
        Assert.Equal(0.5, figures.InvitedWithin14DaysRate);
    }

    [Fact]
    public void Year_RecordedAfterStart_StillCountsFromTheStartDate()
    {
        // Told on 20 January of a 1 January start and invited that same day: 19 days after the start, not within 14.
        var figures = Year("2023-24", Fact("2024-01-01", "2024-01-20", "2024-01-20"));

        Assert.Equal(0, figures.InvitedWithin14Days);
        Assert.Equal(0.0, figures.InvitedWithin14DaysRate);
        Assert.Equal(19, figures.MedianDaysToInvitation);
        Assert.Equal(1, figures.RecordedLate);
        Assert.Equal(19, figures.MedianDaysRecordedLate);
    }

    [Fact]
    public void Year_EvenNumberInvited_MedianIsTheMeanOfTheMiddleTwo()
    {
        // Days 1, 4, 7, 20: (4 + 7) / 2 = 5.5. Recorded late 2 and 9 days: (2 + 9) / 2 = 5.5.
        var figures = Year("2023-24",
            Fact("2023-05-01", "2023-05-03", "2023-05-02", person: "a"),
            Fact("2023-05-01", "2023-04-01", "2023-05-05", person: "b"),
            Fact("2023-05-01", "2023-05-10", "2023-05-21", person: "c"),
            Fact("2023-05-01", "2023-04-30", "2023-05-08", person: "d"));

        Assert.Equal(5.5, figures.MedianDaysToInvitation);
        Assert.Equal(2, figures.RecordedLate);
        Assert.Equal(5.5, figures.MedianDaysRecordedLate);
    }

    [Fact]
    public void Year_OddNumberInvited_MedianIsTheMiddleValue()
    {
        // Days 10, 2, 6 sorted 2, 6, 10.
        var figures = Year("2023-24",
            Fact("2023-05-01", sent: "2023-05-11", person: "a"),
            Fact("2023-05-01", sent: "2023-05-03", person: "b"),
            Fact("2023-05-01", sent: "2023-05-07", person: "c"));

        Assert.Equal(6, figures.MedianDaysToInvitation);
    }

    [Fact]
    public void Year_NoFirstTimeDirectors_IsZerosAndNotAvailable() =>
        Assert.Equal(new InvitationYearFigures("2023-24", 0, 0, 0, null, null, 0, 0, 0, 0, null), Year("2023-24"));

    [Fact]
    public void Year_NobodyInvitedOrLate_RateIsZeroAndMediansNotAvailable() =>
        Assert.Equal(
            new InvitationYearFigures("2023-24", 2, 0, 0, 0.0, null, 0, 0, 0, 0, null),
            Year("2023-24", Fact("2023-05-01", "2023-05-01", person: "a"), Fact("2023-06-01", "2023-04-01", person: "b")));

    [Fact]
    public void Year_StartingOnThirtyFirstMarch_CountsInTheYearEnding_EvenWhenSentInTheNext()
    {
        // Started on the last day of 2023-24 and invited 14 days later, in 2024-25: counted in 2023-24, within 14 days.
        var fact = Fact("2024-03-31", "2024-03-01", "2024-04-14");

        Assert.Equal(new InvitationYearFigures("2023-24", 1, 1, 1, 1.0, 14, 0, 0, 1, 0, null), Year("2023-24", fact));
        Assert.Equal(0, Year("2024-25", fact).FirstTimeDirectors);
    }

    [Fact]
    public void Year_StartingOnFirstApril_CountsInTheYearStarting()
    {
        var fact = Fact("2024-04-01", "2024-03-25", "2024-04-01");

        Assert.Equal(0, Year("2023-24", fact).FirstTimeDirectors);
        Assert.Equal(1, Year("2024-25", fact).FirstTimeDirectors);
        Assert.Equal(0, Year("2024-25", fact).RecordedLate); // told a week before the start
    }

    [Theory]
    [InlineData(1, 32, 0.0313)] // 0.03125: a half, rounded away from zero (banker's rounding would give 0.0312)
    [InlineData(5, 32, 0.1563)] // 0.15625
    [InlineData(2, 3, 0.6667)]
    [InlineData(1, 8, 0.125)]
    [InlineData(0, 9, 0.0)]
    [InlineData(9, 9, 1.0)]
    public void Rate_RoundsToFourPlacesHalvesAwayFromZero(int count, int total, double expected) =>
        Assert.Equal(expected, InvitationFigures.Rate(count, total));

    [Fact]
    public void Rate_OfNobody_IsNotAvailable() => Assert.Null(InvitationFigures.Rate(0, 0));

    [Fact]
    public void Year_ThirtyTwoDirectorsOneWithin_RateRoundsHalfAwayFromZero()
    {
        var facts = Enumerable.Range(0, 32)
            .Select(i => Fact("2023-05-01", sent: i == 0 ? "2023-05-01" : "2023-06-30", person: $"p{i}"))
            .ToArray();

        Assert.Equal(0.0313, Year("2023-24", facts).InvitedWithin14DaysRate);
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 7 }, 7.0)]
    [InlineData(new[] { 3, 1, 2 }, 2.0)]
    [InlineData(new[] { 10, 1, 3, 2 }, 2.5)]
    [InlineData(new[] { 4, 4, 9, 9 }, 6.5)]
    [InlineData(new[] { 5, 5, 5, 5, 5, 40 }, 5.0)]
    [InlineData(new[] { -2, 0 }, -1.0)]
    public void Median_OddEvenAndEmpty(int[] values, double? expected) =>
        Assert.Equal(expected, InvitationFigures.Median(values));

    [Fact]
    public void Years_NoFacts_IsEmpty() => Assert.Empty(InvitationFigures.Years([], D("2024-11-25")));

    [Fact]
    public void Years_RunFromTheFirstPostToTodaysYear_WithEmptyYearsBetween()
    {
        var years = InvitationFigures.Years(
            [Fact("2021-06-01", person: "a"), Fact("2023-06-01", sent: "2023-06-03", person: "b"), Fact("2022-01-01", person: "c")],
            D("2024-11-25"));

        Assert.Equal(["2021-22", "2022-23", "2023-24", "2024-25"], years.Select(y => y.FinancialYear));
        Assert.Equal([2, 0, 1, 0], years.Select(y => y.FirstTimeDirectors));
        Assert.Equal(new InvitationYearFigures("2022-23", 0, 0, 0, null, null, 0, 0, 0, 0, null), years[1]);
        Assert.Equal(2, years[2].MedianDaysToInvitation);
    }

    [Fact]
    public void Years_PostRecordedAheadOfItsStart_ExtendsTheSeriesToItsYear()
    {
        var years = InvitationFigures.Years([Fact("2023-06-01", person: "a"), Fact("2024-04-01", "2024-03-01", person: "b")], D("2024-03-20"));

        Assert.Equal(["2023-24", "2024-25"], years.Select(y => y.FinancialYear));
        Assert.Equal(1, years[1].FirstTimeDirectors);
    }

    [Fact]
    public void Year_IgnoresFactsOfOtherYears() =>
        Assert.Equal(1, Year("2023-24", Fact("2023-04-01", person: "in"), Fact("2023-03-31", person: "before"), Fact("2024-04-01", person: "after")).FirstTimeDirectors);

    [Theory]
    [InlineData(InvitationOutcome.Awaiting)]
    [InlineData(InvitationOutcome.Accepted)]
    [InlineData(InvitationOutcome.Expired)]
    public void Fact_AnsweredOrAwaitingButNeverSent_IsRefused(InvitationOutcome outcome) =>
        Assert.Throws<ArgumentException>(() => new FirstPostFact("p", D("2024-01-01"), null, null, outcome));

    [Fact]
    public void Fact_DaysAndLateness()
    {
        var early = Fact("2024-01-10", "2024-01-07", "2024-01-10");
        var onTheDay = Fact("2024-01-10", "2024-01-10");
        var late = Fact("2024-01-10", "2024-02-01", "2024-02-01");

        Assert.Equal((-3, false, 0, true), (early.DaysRecordedAfterStart, early.RecordedLate, early.DaysToInvitation, early.InvitedWithin14Days));
        Assert.Equal((0, false, (int?)null, false), (onTheDay.DaysRecordedAfterStart, onTheDay.RecordedLate, onTheDay.DaysToInvitation, onTheDay.InvitedWithin14Days));
        Assert.Equal((22, true, 22, false), (late.DaysRecordedAfterStart, late.RecordedLate, late.DaysToInvitation, late.InvitedWithin14Days));
    }
}

public sealed class InvitationFiguresInvitingSinceTests
{
    [Fact]
    public void Years_InvitingSince_LeavesOutEarlierFirstPostsAndYears()
    {
        FirstPostFact Fact(string id, LocalDate start) => new(id, start, start, null, InvitationOutcome.NotSent);
        var facts = new[] { Fact("a", new LocalDate(2005, 6, 1)), Fact("b", new LocalDate(2019, 5, 1)), Fact("c", new LocalDate(2021, 5, 1)) };

        var years = InvitationFigures.Years(facts, new LocalDate(2022, 1, 10), new LocalDate(2020, 4, 1));

        Assert.Equal(["2021-22"], years.Select(y => y.FinancialYear));
        Assert.Equal(1, years[0].FirstTimeDirectors);
        Assert.Equal("2005-06", InvitationFigures.Years(facts, new LocalDate(2022, 1, 10))[0].FinancialYear);
    }
}
