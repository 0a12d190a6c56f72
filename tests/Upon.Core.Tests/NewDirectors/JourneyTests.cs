using Upon.Core.NewDirectors;

namespace Upon.Core.Tests.NewDirectors;

public class JourneyTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static readonly Journey FromNovember = new(D(2026, 11, 25));

    [Fact]
    public void MonthOn_FirstDay_IsMonthOne() => Assert.Equal(1, FromNovember.MonthOn(D(2026, 11, 25)));

    [Fact]
    public void MonthOn_BeforeTheStart_IsNull() => Assert.Null(FromNovember.MonthOn(D(2026, 11, 24)));

    [Theory]
    [InlineData(2026, 12, 24, 1)]
    [InlineData(2026, 12, 25, 2)]
    [InlineData(2027, 11, 24, 12)]
    [InlineData(2027, 11, 25, 13)]
    [InlineData(2028, 11, 24, 24)]
    public void MonthOn_ChangesOnTheSameDayOfTheMonth(int year, int month, int day, int expected) =>
        Assert.Equal(expected, FromNovember.MonthOn(D(year, month, day)));

    [Fact]
    public void MonthOn_AfterMonth24_IsNull() => Assert.Null(FromNovember.MonthOn(D(2028, 11, 25)));

    [Fact]
    public void StageOn_Month12To13_ChangesToTheCoachingYear()
    {
        Assert.Equal(JourneyStage.CoreProgramme, FromNovember.StageOn(D(2027, 11, 24)));
        Assert.Equal(JourneyStage.CoachingYear, FromNovember.StageOn(D(2027, 11, 25)));
    }

    [Fact]
    public void StageOn_AfterMonth24_IsFinished()
    {
        Assert.Equal(JourneyStage.CoachingYear, FromNovember.StageOn(D(2028, 11, 24)));
        Assert.Equal(JourneyStage.Finished, FromNovember.StageOn(D(2028, 11, 25)));
        Assert.Equal(JourneyStage.Finished, FromNovember.StageOn(D(2035, 1, 1)));
    }

    [Fact]
    public void StageOn_BeforeTheStart_IsNotStarted() => Assert.Equal(JourneyStage.NotStarted, FromNovember.StageOn(D(2026, 11, 1)));

    [Fact]
    public void StageDates_FollowTheMonths()
    {
        Assert.Equal(D(2026, 11, 25), FromNovember.CoreProgrammeStarts);
        Assert.Equal(D(2027, 11, 24), FromNovember.CoreProgrammeEnds);
        Assert.Equal(D(2027, 11, 25), FromNovember.CoachingYearStarts);
        Assert.Equal(D(2028, 11, 24), FromNovember.CoachingYearEnds);
        Assert.Equal(D(2028, 11, 24), FromNovember.EndsOn);
        Assert.Equal(D(2028, 11, 25), FromNovember.FinishedFrom);
    }

    [Fact]
    public void EndsOn_IsTheEnrolmentEndAcceptanceRecords() =>
        // InvitationAcceptance ends the enrolment on the start plus 24 months less a day.
        Assert.Equal(D(2026, 11, 25).PlusMonths(24).PlusDays(-1), FromNovember.EndsOn);

    [Fact]
    public void EnrolledOn31January_MonthsStartOnTheLastDayOfShortMonths()
    {
        var journey = new Journey(D(2026, 1, 31));
        Assert.Equal(D(2026, 2, 28), journey.MonthStarts(2));
        Assert.Equal(D(2026, 3, 31), journey.MonthStarts(3));
        Assert.Equal(D(2026, 4, 30), journey.MonthStarts(4));
        Assert.Equal(D(2026, 2, 27), journey.MonthEnds(1));
        Assert.Equal(D(2026, 3, 30), journey.MonthEnds(2));
        Assert.Equal(1, journey.MonthOn(D(2026, 2, 27)));
        Assert.Equal(2, journey.MonthOn(D(2026, 2, 28)));
        Assert.Equal(2, journey.MonthOn(D(2026, 3, 30)));
        Assert.Equal(3, journey.MonthOn(D(2026, 3, 31)));
    }

    [Fact]
    public void EnrolledOn31January_CoachingYearAndEnd()
    {
        var journey = new Journey(D(2026, 1, 31));
        Assert.Equal(D(2027, 1, 31), journey.CoachingYearStarts);
        Assert.Equal(D(2027, 1, 30), journey.CoreProgrammeEnds);
        Assert.Equal(D(2028, 1, 30), journey.EndsOn);
        Assert.Equal(D(2028, 1, 31), journey.FinishedFrom);
        // Month 14 starts on the last day of a leap February.
        Assert.Equal(D(2028, 2, 29), new Journey(D(2027, 1, 31)).MonthStarts(14));
    }

    [Fact]
    public void EnrolledOn29FebruaryOfALeapYear_AnniversariesFallOn28February()
    {
        var journey = new Journey(D(2024, 2, 29));
        Assert.Equal(D(2025, 2, 28), journey.CoachingYearStarts);
        Assert.Equal(D(2025, 2, 27), journey.CoreProgrammeEnds);
        Assert.Equal(JourneyStage.CoreProgramme, journey.StageOn(D(2025, 2, 27)));
        Assert.Equal(JourneyStage.CoachingYear, journey.StageOn(D(2025, 2, 28)));
        Assert.Equal(D(2026, 2, 28), journey.FinishedFrom);
        Assert.Equal(JourneyStage.CoachingYear, journey.StageOn(D(2026, 2, 27)));
        Assert.Equal(JourneyStage.Finished, journey.StageOn(D(2026, 2, 28)));
        Assert.Equal(D(2024, 3, 29), journey.MonthStarts(2));
    }

    [Fact]
    public void EnrolledOn28FebruaryBeforeALeapYear_CoachingYearStartsOn28February()
    {
        var journey = new Journey(D(2027, 2, 28));
        Assert.Equal(D(2028, 2, 28), journey.CoachingYearStarts);
        Assert.Equal(12, journey.MonthOn(D(2028, 2, 27)));
        Assert.Equal(13, journey.MonthOn(D(2028, 2, 29)));
    }

    [Theory]
    [InlineData(2024, 2, 29)]
    [InlineData(2026, 1, 31)]
    [InlineData(2026, 3, 31)]
    [InlineData(2026, 8, 30)]
    [InlineData(2026, 11, 25)]
    [InlineData(2027, 12, 31)]
    public void Timeline_IsTwentyFourContiguousMonths(int year, int month, int day)
    {
        var journey = new Journey(D(year, month, day));
        var timeline = journey.Timeline;
        Assert.Equal(24, timeline.Count);
        Assert.Equal(journey.StartsOn, timeline[0].Starts);
        Assert.Equal(journey.EndsOn, timeline[^1].Ends);
        for (var i = 0; i < timeline.Count; i++)
        {
            Assert.Equal(i + 1, timeline[i].Number);
            Assert.True(timeline[i].Starts <= timeline[i].Ends);
            Assert.Equal(i < 12 ? JourneyStage.CoreProgramme : JourneyStage.CoachingYear, timeline[i].Stage);
            if (i > 0)
            {
                Assert.Equal(timeline[i - 1].Ends.PlusDays(1), timeline[i].Starts);
            }
        }
    }

    [Theory]
    [InlineData(2024, 2, 29)]
    [InlineData(2026, 1, 31)]
    [InlineData(2026, 11, 25)]
    public void MonthOn_AgreesWithTheTimelineOnEveryDay(int year, int month, int day)
    {
        var journey = new Journey(D(year, month, day));
        foreach (var m in journey.Timeline)
        {
            for (var date = m.Starts; date <= m.Ends; date = date.PlusDays(1))
            {
                Assert.Equal(m.Number, journey.MonthOn(date));
                Assert.Equal(m.Stage, journey.StageOn(date));
            }
        }
        Assert.Null(journey.MonthOn(journey.FinishedFrom));
    }

    [Fact]
    public void StagesBegunBy_ListsEachStageWithItsFirstDay()
    {
        Assert.Empty(FromNovember.StagesBegunBy(D(2026, 11, 24)));
        Assert.Equal([(JourneyStage.CoreProgramme, D(2026, 11, 25))], FromNovember.StagesBegunBy(D(2026, 11, 25)));
        Assert.Single(FromNovember.StagesBegunBy(D(2027, 11, 24)));
        Assert.Equal(
            [(JourneyStage.CoreProgramme, D(2026, 11, 25)), (JourneyStage.CoachingYear, D(2027, 11, 25))],
            FromNovember.StagesBegunBy(D(2027, 11, 25)));
        Assert.Equal(2, FromNovember.StagesBegunBy(D(2028, 11, 24)).Count);
        Assert.Equal(
            [(JourneyStage.CoreProgramme, D(2026, 11, 25)), (JourneyStage.CoachingYear, D(2027, 11, 25)), (JourneyStage.Finished, D(2028, 11, 25))],
            FromNovember.StagesBegunBy(D(2028, 11, 25)));
    }

    [Fact]
    public void MonthStarts_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FromNovember.MonthStarts(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FromNovember.MonthStarts(26));
        Assert.Throws<ArgumentOutOfRangeException>(() => FromNovember.MonthEnds(25));
    }

    [Fact]
    public void IsFallingBehind_NothingAttendedForThreeMonths_IsTrue() =>
        Assert.True(FromNovember.IsFallingBehind(D(2027, 6, 1), D(2027, 2, 28)));

    [Fact]
    public void IsFallingBehind_AttendedExactlyThreeMonthsAgo_IsFalse() =>
        Assert.False(FromNovember.IsFallingBehind(D(2027, 6, 1), D(2027, 3, 1)));

    [Fact]
    public void IsFallingBehind_AttendedTheDayBeforeTheWindow_IsTrue() =>
        Assert.True(FromNovember.IsFallingBehind(D(2027, 6, 1), D(2027, 2, 28)));

    [Fact]
    public void IsFallingBehind_NeverAttended_AfterThreeMonths_IsTrue()
    {
        Assert.False(FromNovember.IsFallingBehind(D(2027, 2, 24), null));
        Assert.True(FromNovember.IsFallingBehind(D(2027, 2, 25), null));
    }

    [Fact]
    public void IsFallingBehind_EnrolledLessThanThreeMonths_IsFalse() =>
        Assert.False(FromNovember.IsFallingBehind(D(2027, 1, 31), null));

    [Fact]
    public void IsFallingBehind_AfterTheJourney_IsFalse() =>
        Assert.False(FromNovember.IsFallingBehind(D(2029, 1, 1), null));

    [Fact]
    public void IsFallingBehind_InTheCoachingYear_CountsToo() =>
        Assert.True(FromNovember.IsFallingBehind(D(2028, 5, 1), D(2027, 12, 1)));

    [Fact]
    public void IsFallingBehind_ThreeMonthsBackFromMay31_IsFebruaryEnd()
    {
        // 31 May less three months is 28 February: attending on that day is within the window.
        Assert.False(FromNovember.IsFallingBehind(D(2027, 5, 31), D(2027, 2, 28)));
        Assert.True(FromNovember.IsFallingBehind(D(2027, 5, 31), D(2027, 2, 27)));
    }
}
