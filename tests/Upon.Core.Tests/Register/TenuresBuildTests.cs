using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TenuresBuildTests
{
    private static Tenure Expected(string authority, string person, string start, string? end) =>
        new(authority, person, Date(start), end is null ? null : Date(end));

    [Fact]
    public void Build_NoAppointments_IsEmpty() => Assert.Empty(Tenures.Build([]));

    [Fact]
    public void Build_SingleAppointment_IsOneTenure() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", "2022-12-31")],
            Tenures.Build([Permanent("201", "p1", "2020-01-01", "2022-12-31")]));

    [Fact]
    public void Build_OpenAppointment_IsOpenTenure() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", null)],
            Tenures.Build([Permanent("201", "p1", "2020-01-01")]));

    [Fact]
    public void Build_InterimMadePermanent_MergesIntoOneTenure() =>
        Assert.Equal(
            [Expected("201", "p1", "2022-01-01", null)],
            Tenures.Build(
            [
                Interim("201", "p1", "2022-01-01", "2022-06-30"),
                Permanent("201", "p1", "2022-07-01"),
            ]));

    [Fact]
    public void Build_GapOfExactly31Days_Merges() =>
        Assert.Equal(
            [Expected("201", "p1", "2023-01-01", "2023-12-31")],
            Tenures.Build(
            [
                Permanent("201", "p1", "2023-01-01", "2023-05-31"),
                Permanent("201", "p1", "2023-07-01", "2023-12-31"), // 31 days after 31 May
            ]));

    [Fact]
    public void Build_GapOf32Days_DoesNotMerge() =>
        Assert.Equal(
            [Expected("201", "p1", "2023-01-01", "2023-05-31"), Expected("201", "p1", "2023-07-02", "2023-12-31")],
            Tenures.Build(
            [
                Permanent("201", "p1", "2023-01-01", "2023-05-31"),
                Permanent("201", "p1", "2023-07-02", "2023-12-31"), // 32 days after 31 May
            ]));

    [Fact]
    public void Build_NextDayStart_Merges() =>
        Assert.Single(Tenures.Build(
        [
            Permanent("201", "p1", "2023-01-01", "2023-05-31"),
            Permanent("201", "p1", "2023-06-01"),
        ]));

    [Fact]
    public void Build_GapAcrossLeapDay_CountsTwentyNinthOfFebruary()
    {
        // 31 Jan 2024 + 31 days = 2 Mar 2024 (February 2024 has 29 days).
        Assert.Single(Tenures.Build(
        [
            Permanent("201", "p1", "2023-01-01", "2024-01-31"),
            Permanent("201", "p1", "2024-03-02"),
        ]));
        Assert.Equal(2, Tenures.Build(
        [
            Permanent("201", "p1", "2023-01-01", "2024-01-31"),
            Permanent("201", "p1", "2024-03-03"),
        ]).Count);
    }

    [Fact]
    public void Build_OverlappingAppointments_MergeToLaterEnd() =>
        Assert.Equal(
            [Expected("201", "p1", "2023-01-01", "2023-12-31")],
            Tenures.Build(
            [
                Permanent("201", "p1", "2023-01-01", "2023-12-31"),
                Acting("201", "p1", "2023-03-01", "2023-04-30"),
            ]));

    [Fact]
    public void Build_OpenThenLaterAppointment_StaysOpen() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", null)],
            Tenures.Build(
            [
                Permanent("201", "p1", "2020-01-01"),
                Permanent("201", "p1", "2023-01-01", "2023-12-31"),
            ]));

    [Fact]
    public void Build_ClosedThenOpenWithinGap_EndsOpen() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", null)],
            Tenures.Build(
            [
                Permanent("201", "p1", "2020-01-01", "2022-12-31"),
                Permanent("201", "p1", "2023-01-15"),
            ]));

    [Fact]
    public void Build_ChainOfShortGaps_MergesAll() =>
        Assert.Equal(
            [Expected("201", "p1", "2023-01-01", "2023-04-30")],
            Tenures.Build(
            [
                Interim("201", "p1", "2023-03-01", "2023-04-30"),
                Interim("201", "p1", "2023-01-01", "2023-01-31"),
                Interim("201", "p1", "2023-02-10", "2023-02-20"),
            ]));

    [Fact]
    public void Build_SameDayHandover_IsTwoTenures() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", "2023-06-30"), Expected("201", "p2", "2023-07-01", null)],
            Tenures.Build(
            [
                Permanent("201", "p1", "2020-01-01", "2023-06-30"),
                Permanent("201", "p2", "2023-07-01"),
            ]));

    [Fact]
    public void Build_SharedDirector_IsOneTenurePerAuthority() =>
        Assert.Equal(
            [Expected("201", "p1", "2023-01-01", null), Expected("202", "p1", "2023-01-01", null)],
            Tenures.Build(
            [
                Permanent("202", "p1", "2023-01-01"),
                Permanent("201", "p1", "2023-01-01"),
            ]));

    [Fact]
    public void Build_MoveBetweenAuthorities_DoesNotMerge() =>
        Assert.Equal(2, Tenures.Build(
        [
            Permanent("201", "p1", "2020-01-01", "2023-06-30"),
            Permanent("202", "p1", "2023-07-01"),
        ]).Count);

    [Fact]
    public void Build_ReturnAfterSomeoneElseWithinGap_MergesByTheGapRule() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", "2023-12-31"), Expected("201", "p2", "2023-07-01", "2023-07-20")],
            Tenures.Build(
            [
                Permanent("201", "p1", "2020-01-01", "2023-06-30"),
                Interim("201", "p2", "2023-07-01", "2023-07-20"),
                Permanent("201", "p1", "2023-07-21", "2023-12-31"),
            ]));

    [Fact]
    public void Build_OrdersByAuthorityThenStartThenPerson()
    {
        var tenures = Tenures.Build(
        [
            Permanent("202", "p3", "2021-01-01"),
            Permanent("201", "p2", "2022-01-01"),
            Permanent("201", "p1", "2020-01-01", "2021-12-31"),
            Permanent("201", "p0", "2022-01-01"),
        ]);
        Assert.Equal(
            ["201/p1", "201/p0", "201/p2", "202/p3"],
            tenures.Select(t => $"{t.AuthorityCode}/{t.PersonId}"));
    }

    [Fact]
    public void Build_DuplicateAppointments_AreOneTenure() =>
        Assert.Equal(
            [Expected("201", "p1", "2020-01-01", "2022-12-31")],
            Tenures.Build(
            [
                Permanent("201", "p1", "2020-01-01", "2022-12-31"),
                Permanent("201", "p1", "2020-01-01", "2022-12-31"),
            ]));

    [Fact]
    public void Build_AuthorityAndPersonCompareOrdinally() =>
        Assert.Equal(4, Tenures.Build(
        [
            Permanent("E10", "p1", "2020-01-01"),
            Permanent("e10", "p1", "2020-01-01"),
            Permanent("E10", "P1", "2020-01-01"),
            Permanent("e10", "P1", "2020-01-01"),
        ]).Count);

    [Fact]
    public void Build_Null_Throws() => Assert.Throws<ArgumentNullException>(() => Tenures.Build(null!));
}
