using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class SessionRecurrenceTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void EveryWeeks_FirstDateIsFirstMatchingDayOnOrAfterFrom()
    {
        // 2025-01-01 is a Wednesday; the first Friday is the 3rd.
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Friday), D(2025, 1, 1), D(2025, 1, 31));
        Assert.Equal([D(2025, 1, 3), D(2025, 1, 10), D(2025, 1, 17), D(2025, 1, 24), D(2025, 1, 31)], dates);
    }

    [Fact]
    public void EveryWeeks_FromIsTheDay_StartsThatDay()
    {
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(4, IsoDayOfWeek.Friday), D(2025, 1, 3), D(2025, 3, 28));
        Assert.Equal([D(2025, 1, 3), D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 28)], dates);
    }

    [Fact]
    public void EveryWeeks_ToIsInclusive()
    {
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(2, IsoDayOfWeek.Monday), D(2025, 1, 6), D(2025, 1, 20));
        Assert.Equal([D(2025, 1, 6), D(2025, 1, 20)], dates);
    }

    [Fact]
    public void EveryWeeks_AcrossYearEnd()
    {
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(2, IsoDayOfWeek.Tuesday), D(2024, 12, 10), D(2025, 1, 21));
        Assert.Equal([D(2024, 12, 10), D(2024, 12, 24), D(2025, 1, 7), D(2025, 1, 21)], dates);
    }

    [Fact]
    public void EveryWeeks_AcrossClockChange_KeepsTheWeekday()
    {
        // The clocks go forward on Sunday 30 March 2025; dates are calendar dates, so nothing shifts.
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Sunday), D(2025, 3, 23), D(2025, 4, 6));
        Assert.Equal([D(2025, 3, 23), D(2025, 3, 30), D(2025, 4, 6)], dates);
    }

    [Fact]
    public void EveryWeeks_NoMatchingDayInRange_IsEmpty() =>
        Assert.Empty(SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Friday), D(2025, 1, 4), D(2025, 1, 9)));

    [Fact]
    public void EveryWeeks_SingleDayRange_OnTheDay_IsThatDay() =>
        Assert.Equal([D(2025, 1, 3)], SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Friday), D(2025, 1, 3), D(2025, 1, 3)));

    [Fact]
    public void EveryWeeks_AcrossLeapDay()
    {
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Thursday), D(2024, 2, 22), D(2024, 3, 7));
        Assert.Equal([D(2024, 2, 22), D(2024, 2, 29), D(2024, 3, 7)], dates);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 10)]
    [InlineData(3, 17)]
    [InlineData(4, 24)]
    [InlineData(-1, 31)]
    public void MonthlyOn_JanuaryWithFiveFridays(int ordinal, int day) =>
        // January 2025 has Fridays on the 3rd, 10th, 17th, 24th and 31st: "last" is the fifth.
        Assert.Equal([D(2025, 1, day)], SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(ordinal, IsoDayOfWeek.Friday), D(2025, 1, 1), D(2025, 1, 31)));

    [Fact]
    public void MonthlyOn_Last_IsTheFourthInAMonthWithFour()
    {
        // February 2025 has Fridays on the 7th, 14th, 21st and 28th.
        var dates = SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(-1, IsoDayOfWeek.Friday), D(2025, 1, 1), D(2025, 4, 30));
        Assert.Equal([D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 28), D(2025, 4, 25)], dates);
    }

    [Fact]
    public void MonthlyOn_LastDayOfMonthIsTheWeekday()
    {
        // 31 May 2024 is a Friday.
        Assert.Equal([D(2024, 5, 31)], SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(-1, IsoDayOfWeek.Friday), D(2024, 5, 1), D(2024, 5, 31)));
    }

    [Fact]
    public void MonthlyOn_FirstDayOfMonthIsTheWeekday()
    {
        // 1 November 2024 is a Friday.
        Assert.Equal([D(2024, 11, 1)], SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(1, IsoDayOfWeek.Friday), D(2024, 11, 1), D(2024, 11, 30)));
    }

    [Fact]
    public void MonthlyOn_LeapFebruary()
    {
        // 29 February 2024 is a Thursday.
        Assert.Equal([D(2024, 2, 29)], SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(-1, IsoDayOfWeek.Thursday), D(2024, 2, 1), D(2024, 2, 29)));
    }

    [Fact]
    public void MonthlyOn_DatesOutsideTheRangeInEdgeMonths_AreLeftOut()
    {
        // From 15 January: the second Tuesday of January (14th) is before it; to 10 March: March's (11th) is after it.
        var dates = SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(2, IsoDayOfWeek.Tuesday), D(2025, 1, 15), D(2025, 3, 10));
        Assert.Equal([D(2025, 2, 11)], dates);
    }

    [Fact]
    public void MonthlyOn_AcrossYearEnd()
    {
        var dates = SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(3, IsoDayOfWeek.Wednesday), D(2024, 11, 1), D(2025, 2, 28));
        Assert.Equal([D(2024, 11, 20), D(2024, 12, 18), D(2025, 1, 15), D(2025, 2, 19)], dates);
    }

    [Fact]
    public void Dates_ExactlyThreeYears_IsAllowed()
    {
        var dates = SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Monday), D(2025, 1, 1), D(2028, 1, 1));
        Assert.Equal(156, dates.Count);
        Assert.True(dates.Count <= SessionRecurrence.MaxDates);
    }

    [Fact]
    public void Dates_MoreThanThreeYears_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(1, IsoDayOfWeek.Monday), D(2025, 1, 1), D(2028, 1, 2)));
        Assert.Contains("more than 3 years", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_ToBeforeFrom_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SessionRecurrence.Dates(RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.Monday), D(2025, 2, 1), D(2025, 1, 31)));
        Assert.Contains("before the first date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    [InlineData(-1)]
    public void EveryWeeks_IntervalOutOfRange_Throws(int interval)
    {
        var error = Assert.Throws<ArgumentException>(() => RecurrenceRule.EveryWeeks(interval, IsoDayOfWeek.Monday));
        Assert.Contains("from 1 to 52", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(52)]
    public void EveryWeeks_IntervalAtLimits_IsAllowed(int interval) =>
        Assert.Equal(interval, ((RecurrenceRule.Weekly)RecurrenceRule.EveryWeeks(interval, IsoDayOfWeek.Monday)).Interval);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-2)]
    public void MonthlyOn_OrdinalOutOfRange_Throws(int ordinal)
    {
        var error = Assert.Throws<ArgumentException>(() => RecurrenceRule.MonthlyOn(ordinal, IsoDayOfWeek.Monday));
        Assert.Contains("1 to 4, or -1 for the last", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_NoDay_Throws() =>
        Assert.Throws<ArgumentException>(() => RecurrenceRule.EveryWeeks(1, IsoDayOfWeek.None));

    [Fact]
    public void Rules_WithSameValues_AreEqual() =>
        Assert.Equal(RecurrenceRule.MonthlyOn(-1, IsoDayOfWeek.Friday), RecurrenceRule.MonthlyOn(-1, IsoDayOfWeek.Friday));

    [Theory]
    [InlineData(1, "every week on Friday")]
    [InlineData(2, "every 2 weeks on Friday")]
    [InlineData(4, "every 4 weeks on Friday")]
    public void Describe_Weekly(int interval, string expected) =>
        Assert.Equal(expected, SessionRecurrence.Describe(RecurrenceRule.EveryWeeks(interval, IsoDayOfWeek.Friday)));

    [Theory]
    [InlineData(1, IsoDayOfWeek.Monday, "the first Monday of each month")]
    [InlineData(2, IsoDayOfWeek.Tuesday, "the second Tuesday of each month")]
    [InlineData(3, IsoDayOfWeek.Wednesday, "the third Wednesday of each month")]
    [InlineData(4, IsoDayOfWeek.Thursday, "the fourth Thursday of each month")]
    [InlineData(-1, IsoDayOfWeek.Friday, "the last Friday of each month")]
    public void Describe_Monthly(int ordinal, IsoDayOfWeek day, string expected) =>
        Assert.Equal(expected, SessionRecurrence.Describe(RecurrenceRule.MonthlyOn(ordinal, day)));

    [Fact]
    public void Dates_EveryMonthOverThreeYears_AreAllInRangeAndOnTheDay()
    {
        var from = D(2025, 1, 1);
        var to = D(2027, 12, 31);
        foreach (var ordinal in new[] { 1, 2, 3, 4, -1 })
        {
            var dates = SessionRecurrence.Dates(RecurrenceRule.MonthlyOn(ordinal, IsoDayOfWeek.Wednesday), from, to);
            Assert.Equal(36, dates.Count);
            Assert.All(dates, d => Assert.Equal(IsoDayOfWeek.Wednesday, d.DayOfWeek));
            Assert.All(dates, d => Assert.True(ordinal == -1 ? d.Month != d.PlusWeeks(1).Month : (d.Day - 1) / 7 + 1 == ordinal));
            Assert.Equal(dates.Select(d => d.ToYearMonth()).Distinct().Count(), dates.Count);
        }
    }
}
