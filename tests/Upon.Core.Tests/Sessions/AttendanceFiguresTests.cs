using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class AttendanceFiguresTests
{
    private static AttendanceFact Fact(
        int session, int participant, AttendanceMark? mark, string date = "2025-01-10",
        string strand = "New Directors", string? cohort = "Cohort 1", SessionType type = SessionType.VirtualWorkshop) =>
        new(session, participant, strand, cohort, type, NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value, mark);

    [Fact]
    public void By_CountsEachMarkAndTheRate()
    {
        var facts = new[]
        {
            Fact(1, 1, AttendanceMark.Present),
            Fact(1, 2, AttendanceMark.Late),
            Fact(1, 3, AttendanceMark.LeftEarly),
            Fact(1, 4, AttendanceMark.Excused),
            Fact(2, 1, AttendanceMark.Absent),
            Fact(2, 2, AttendanceMark.Present),
            Fact(2, 3, null),
        };
        var row = Assert.Single(AttendanceFigures.By(facts, AttendanceGrouping.Strand));
        Assert.Equal(
            new AttendanceGroupRow("New Directors", "New Directors", Sessions: 2, Marked: 6, Present: 2, Late: 1, LeftEarly: 1, Excused: 1, Absent: 1,
                Attended: 4, AttendanceRate: 0.6667, Expected: 7),
            row);
    }

    [Fact]
    public void By_NothingMarked_RateIsNull()
    {
        var row = Assert.Single(AttendanceFigures.By([Fact(1, 1, null), Fact(1, 2, null)], AttendanceGrouping.Strand));
        Assert.Equal((1, 0, 2, (double?)null), (row.Sessions, row.Marked, row.Expected, row.AttendanceRate));
    }

    [Fact]
    public void By_UnmarkedBookings_DoNotLowerTheRate()
    {
        var row = Assert.Single(AttendanceFigures.By([Fact(1, 1, AttendanceMark.Present), Fact(1, 2, null)], AttendanceGrouping.Strand));
        Assert.Equal(1.0, row.AttendanceRate);
    }

    [Fact]
    public void By_ExcusedCountsAsNotAttended()
    {
        var row = Assert.Single(AttendanceFigures.By([Fact(1, 1, AttendanceMark.Present), Fact(1, 2, AttendanceMark.Excused)], AttendanceGrouping.Strand));
        Assert.Equal(0.5, row.AttendanceRate);
    }

    [Fact]
    public void Total_CountsEveryFactTogether_AcrossStrandsAndCohorts()
    {
        var facts = new[]
        {
            Fact(1, 1, AttendanceMark.Present, strand: "A", cohort: null),
            Fact(2, 1, AttendanceMark.Absent, strand: "B"),
            Fact(2, 2, AttendanceMark.Excused, strand: "B"),
            Fact(3, 2, null, strand: "B", date: "2025-02-07"),
        };
        Assert.Equal(
            new AttendanceGroupRow("all", AttendanceFigures.TotalLabel, Sessions: 3, Marked: 3, Present: 1, Late: 0, LeftEarly: 0, Excused: 1, Absent: 1,
                Attended: 1, AttendanceRate: 0.3333, Expected: 4),
            AttendanceFigures.Total(facts));
    }

    [Fact]
    public void Total_NoFacts_IsAllZeroWithNoRate() =>
        Assert.Equal(new AttendanceGroupRow("all", "All sessions", 0, 0, 0, 0, 0, 0, 0, 0, null, 0), AttendanceFigures.Total([]));

    [Fact]
    public void Total_SamePersonTwiceOnASession_IsAnError() =>
        Assert.Throws<ArgumentException>(() => AttendanceFigures.Total([Fact(1, 1, AttendanceMark.Present), Fact(1, 1, AttendanceMark.Absent)]));

    [Fact]
    public void By_NoFacts_NoRows() => Assert.Empty(AttendanceFigures.By([], AttendanceGrouping.Month));

    [Fact]
    public void By_Strand_OrderedByName()
    {
        var rows = AttendanceFigures.By(
            [Fact(1, 1, AttendanceMark.Present, strand: "Network"), Fact(2, 1, AttendanceMark.Absent, strand: "Aspiring Directors"), Fact(3, 2, AttendanceMark.Present, strand: "Network")],
            AttendanceGrouping.Strand);
        Assert.Equal(["Aspiring Directors", "Network"], rows.Select(r => r.Label));
        Assert.Equal([1, 2], rows.Select(r => r.Sessions));
    }

    [Fact]
    public void By_Cohort_NoCohortComesLast()
    {
        var rows = AttendanceFigures.By(
            [Fact(1, 1, AttendanceMark.Present, cohort: null), Fact(2, 1, AttendanceMark.Present, cohort: "Cohort 2"), Fact(3, 1, AttendanceMark.Absent, cohort: "Cohort 1")],
            AttendanceGrouping.Cohort);
        Assert.Equal(["Cohort 1", "Cohort 2", ""], rows.Select(r => r.Key));
        Assert.Equal(["Cohort 1", "Cohort 2", "No cohort"], rows.Select(r => r.Label));
    }

    [Fact]
    public void By_SessionType_KeysAreCodesInEnumOrder()
    {
        var rows = AttendanceFigures.By(
            [Fact(1, 1, AttendanceMark.Present, type: SessionType.Webinar), Fact(2, 1, AttendanceMark.Present, type: SessionType.Residential)],
            AttendanceGrouping.SessionType);
        Assert.Equal(["residential", "webinar"], rows.Select(r => r.Key));
        Assert.Equal(["Residential", "Network webinar"], rows.Select(r => r.Label));
    }

    [Fact]
    public void By_Month_AcrossYearEndInDateOrder()
    {
        var rows = AttendanceFigures.By(
            [Fact(3, 1, AttendanceMark.Present, date: "2025-01-09"), Fact(1, 1, AttendanceMark.Absent, date: "2024-12-31"), Fact(2, 1, AttendanceMark.Present, date: "2024-12-01"), Fact(4, 1, AttendanceMark.Late, date: "2025-01-31")],
            AttendanceGrouping.Month);
        Assert.Equal(["2024-12", "2025-01"], rows.Select(r => r.Key));
        Assert.Equal(["December 2024", "January 2025"], rows.Select(r => r.Label));
        Assert.Equal([0.5, 1.0], rows.Select(r => r.AttendanceRate));
    }

    [Fact]
    public void By_SessionsAreDistinct()
    {
        var rows = AttendanceFigures.By([Fact(1, 1, AttendanceMark.Present), Fact(1, 2, AttendanceMark.Present), Fact(1, 3, null)], AttendanceGrouping.SessionType);
        Assert.Equal(1, Assert.Single(rows).Sessions);
    }

    [Fact]
    public void By_RateRoundsToFourPlaces()
    {
        var facts = Enumerable.Range(1, 3).Select(p => Fact(1, p, p == 1 ? AttendanceMark.Present : AttendanceMark.Absent));
        Assert.Equal(0.3333, Assert.Single(AttendanceFigures.By(facts, AttendanceGrouping.Strand)).AttendanceRate);
    }

    [Fact]
    public void By_SamePersonTwiceOnASession_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AttendanceFigures.By([Fact(1, 1, AttendanceMark.Present), Fact(1, 1, AttendanceMark.Absent)], AttendanceGrouping.Strand));
        Assert.Contains("Participant 1 is booked twice on session 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissedTwoInARow_BothAbsent_IsListed()
    {
        var streak = Assert.Single(AttendanceFigures.MissedTwoInARow(
        [
            Fact(1, 7, AttendanceMark.Present, date: "2025-01-10"),
            Fact(2, 7, AttendanceMark.Absent, date: "2025-02-14"),
            Fact(3, 7, AttendanceMark.Excused, date: "2025-03-14"),
        ]));
        Assert.Equal(new MissedStreak(7, 2, new LocalDate(2025, 2, 14), AttendanceMark.Absent, 3, new LocalDate(2025, 3, 14), AttendanceMark.Excused), streak);
    }

    [Fact]
    public void MissedTwoInARow_AttendedMostRecently_IsNotListed() =>
        Assert.Empty(AttendanceFigures.MissedTwoInARow(
        [
            Fact(1, 7, AttendanceMark.Absent, date: "2025-01-10"),
            Fact(2, 7, AttendanceMark.Absent, date: "2025-02-14"),
            Fact(3, 7, AttendanceMark.LeftEarly, date: "2025-03-14"),
        ]));

    [Fact]
    public void MissedTwoInARow_MissesNotTheLatestTwo_IsNotListed() =>
        Assert.Empty(AttendanceFigures.MissedTwoInARow(
        [
            Fact(1, 7, AttendanceMark.Absent, date: "2025-01-10"),
            Fact(2, 7, AttendanceMark.Present, date: "2025-02-14"),
            Fact(3, 7, AttendanceMark.Absent, date: "2025-03-14"),
        ]));

    [Fact]
    public void MissedTwoInARow_UnmarkedSessionsAreSkipped()
    {
        var streak = Assert.Single(AttendanceFigures.MissedTwoInARow(
        [
            Fact(1, 7, AttendanceMark.Absent, date: "2025-01-10"),
            Fact(2, 7, null, date: "2025-02-14"),
            Fact(3, 7, AttendanceMark.Absent, date: "2025-03-14"),
            Fact(4, 7, null, date: "2025-04-11"),
        ]));
        Assert.Equal((1, 3), (streak.PreviousSessionId, streak.LatestSessionId));
    }

    [Fact]
    public void MissedTwoInARow_OnlyOneMarkedSession_IsNotListed() =>
        Assert.Empty(AttendanceFigures.MissedTwoInARow([Fact(1, 7, AttendanceMark.Absent), Fact(2, 7, null, date: "2025-02-14")]));

    [Fact]
    public void MissedTwoInARow_UsesDateOrderNotInputOrder()
    {
        var streak = Assert.Single(AttendanceFigures.MissedTwoInARow(
        [
            Fact(9, 7, AttendanceMark.Absent, date: "2025-03-14"),
            Fact(8, 7, AttendanceMark.Present, date: "2024-12-13"),
            Fact(5, 7, AttendanceMark.Absent, date: "2025-01-10"),
        ]));
        Assert.Equal((new LocalDate(2025, 1, 10), new LocalDate(2025, 3, 14)), (streak.PreviousDate, streak.LatestDate));
    }

    [Fact]
    public void MissedTwoInARow_SameDate_OrderedBySessionId()
    {
        // Two sessions on one day: the higher id counts as the later one.
        var facts = new[]
        {
            Fact(1, 7, AttendanceMark.Absent, date: "2025-01-10"),
            Fact(3, 7, AttendanceMark.Present, date: "2025-02-14"),
            Fact(2, 7, AttendanceMark.Absent, date: "2025-02-14"),
        };
        Assert.Empty(AttendanceFigures.MissedTwoInARow(facts));
    }

    [Fact]
    public void MissedTwoInARow_MostRecentFirstThenByParticipant()
    {
        var streaks = AttendanceFigures.MissedTwoInARow(
        [
            Fact(1, 3, AttendanceMark.Absent, date: "2025-01-10"), Fact(2, 3, AttendanceMark.Absent, date: "2025-02-14"),
            Fact(1, 2, AttendanceMark.Absent, date: "2025-01-10"), Fact(3, 2, AttendanceMark.Absent, date: "2025-03-14"),
            Fact(1, 1, AttendanceMark.Excused, date: "2025-01-10"), Fact(3, 1, AttendanceMark.Absent, date: "2025-03-14"),
            Fact(1, 4, AttendanceMark.Present, date: "2025-01-10"), Fact(3, 4, AttendanceMark.Absent, date: "2025-03-14"),
        ]);
        Assert.Equal([1, 2, 3], streaks.Select(s => s.ParticipantId));
    }
}
