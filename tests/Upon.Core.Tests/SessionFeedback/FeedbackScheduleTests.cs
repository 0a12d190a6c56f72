using NodaTime;
using Upon.Core.Disclosure;
using Upon.Core.SessionFeedback;

namespace Upon.Core.Tests.SessionFeedback;

public class FeedbackScheduleTests
{
    private static readonly FeedbackSchedule Schedule = FeedbackSchedule.Default;
    private static readonly LocalDate Asked = new(2026, 11, 21);
    private static readonly LocalDate Closes = new(2026, 12, 4);

    [Fact]
    public void ClosesOn_IsOpenDaysAfterTheSessionsLastDay()
    {
        Assert.Equal(Closes, Schedule.ClosesOn(new LocalDate(2026, 11, 20)));
        Assert.True(FeedbackSchedule.IsOpen(Closes, Closes.PlusDays(-1)));
        Assert.False(FeedbackSchedule.IsOpen(Closes, Closes));
    }

    [Theory]
    [InlineData(23, 0, null)]
    [InlineData(24, 0, 1)]
    [InlineData(27, 1, null)]
    [InlineData(28, 1, 2)]
    [InlineData(30, 2, null)]
    public void ReminderDue_FirstAfterThreeDays_SecondAfterSeven_NoThird(int day, int sent, int? expected) =>
        Assert.Equal(expected, Schedule.ReminderDue(Asked, new LocalDate(2026, 11, day), sent, Closes, answered: false));

    [Fact]
    public void ReminderDue_SecondNeverSoonerAfterTheFirstThanTheSchedulesGap()
    {
        // The runs fell behind: the first reminder went on day 8 (due on day 3), so the second waits four days after it.
        var first = Asked.PlusDays(8);
        Assert.Null(Schedule.ReminderDue(Asked, first, 1, Closes, answered: false, lastRemindedOn: first));
        Assert.Null(Schedule.ReminderDue(Asked, first.PlusDays(3), 1, Closes, answered: false, lastRemindedOn: first));
        Assert.Equal(2, Schedule.ReminderDue(Asked, first.PlusDays(4), 1, Closes, answered: false, lastRemindedOn: first));
        // On time, the second is due seven days after asking as before.
        Assert.Equal(2, Schedule.ReminderDue(Asked, Asked.PlusDays(7), 1, Closes, answered: false, lastRemindedOn: Asked.PlusDays(3)));
    }

    [Fact]
    public void ReminderDue_NeverOnceAnswered_NorFromTheDayItCloses()
    {
        Assert.Null(Schedule.ReminderDue(Asked, new LocalDate(2026, 11, 24), 0, Closes, answered: true));
        var askedLate = new LocalDate(2026, 12, 1);
        Assert.Null(Schedule.ReminderDue(askedLate, Closes, 0, Closes, answered: false));
        Assert.Null(Schedule.ReminderDue(askedLate, Closes.PlusDays(5), 0, Closes, answered: false));
    }

    [Theory]
    [InlineData(0, 3, 7)]
    [InlineData(91, 3, 7)]
    [InlineData(14, 0, 7)]
    [InlineData(14, 7, 7)]
    public void Problem_NamesAScheduleThatCannotWork(int open, int first, int second) =>
        Assert.NotNull(new FeedbackSchedule(open, first, second).Problem);

    [Fact]
    public void TheDefault_IsUsable() => Assert.Null(Schedule.Problem);
}

public class RatingSummaryTests
{
    [Fact]
    public void Of_CountsEachRating_AndTheMean()
    {
        var summary = RatingSummary.Of([4, 4, 4, 4, 2]);
        Assert.Equal([0, 1, 0, 4, 0], summary.Counts);
        Assert.Equal(5, summary.Count);
        Assert.Equal(3.6, summary.Mean!.Value, 10);
    }

    [Fact]
    public void Of_NoRatings_HasNoMean() => Assert.Null(RatingSummary.Of([]).Mean);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Of_ARatingOffTheScale_IsRefused(int rating) => Assert.Throws<ArgumentOutOfRangeException>(() => RatingSummary.Of([3, rating]));
}

public class FeedbackDisclosureTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Results_AreShownFromTheThreshold(int answers, bool shown)
    {
        var rule = new DisclosureRule(5);
        Assert.Equal(shown, FeedbackDisclosure.ResultsShown(rule, answers));
        Assert.Equal(!shown, FeedbackDisclosure.Mean(rule, 4.2, answers).IsSuppressed);
    }

    [Fact]
    public void ThresholdOne_ShowsASingleAnswer() => Assert.True(FeedbackDisclosure.ResultsShown(DisclosureRule.None, 1));
}
