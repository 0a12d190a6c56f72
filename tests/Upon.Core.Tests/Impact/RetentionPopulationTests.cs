using NodaTime;
using Upon.Core.Impact;
using Upon.Core.Register;

namespace Upon.Core.Tests.Impact;

public class RetentionPopulationTests
{
    private static readonly LocalDate Since = new(2020, 4, 1);
    private static readonly LocalDate AsOf = new(2025, 3, 31);

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static AppointmentFact Post(string person, LocalDate start, LocalDate? end = null, AppointmentType type = AppointmentType.Permanent, string la = "805") =>
        new(la, person, type, start, end, end is null ? null : LeavingReason.Resigned, end is null ? null : false);

    private static ILookup<string, LocalDate> Joined(params (string Person, LocalDate On)[] days) => days.ToLookup(d => d.Person, d => d.On);

    private static IReadOnlyList<RetentionTenure> Build(IReadOnlyCollection<AppointmentFact> posts, ILookup<string, LocalDate>? joined = null, LocalDate? asOf = null) =>
        RetentionPopulation.Build(posts, joined ?? Joined(), Since, asOf ?? AsOf);

    [Fact]
    public void Landmark_ATenureOf89DaysIsOut_90DaysIsIn()
    {
        var start = D(2021, 1, 1);
        var population = Build([
            Post("short", start, start.PlusDays(88), la: "801"), // 89 days counting both ends
            Post("long", start, start.PlusDays(89), la: "802"), // 90 days
        ]);

        var tenure = Assert.Single(population);
        Assert.Equal("long", tenure.PersonId);
        Assert.Equal(new SurvivalObservation(90, true), tenure.Observation);
    }

    [Fact]
    public void AsOf_EndingOnItIsAnEvent_EndingLaterIsCensoredThere_StartingLaterIsOut()
    {
        var population = Build([
            Post("a", D(2024, 1, 1), AsOf, la: "801"),
            Post("b", D(2024, 1, 1), AsOf.PlusDays(1), la: "802"),
            Post("c", D(2024, 1, 1), la: "803"),
            Post("d", AsOf.PlusDays(1), la: "804"),
        ]);

        var length = Period.DaysBetween(D(2024, 1, 1), AsOf) + 1;
        Assert.Equal(new SurvivalObservation(length, true), population.Single(t => t.PersonId == "a").Observation);
        Assert.Equal(new SurvivalObservation(length, false), population.Single(t => t.PersonId == "b").Observation);
        Assert.Equal(new SurvivalObservation(length, false), population.Single(t => t.PersonId == "c").Observation);
        Assert.DoesNotContain(population, t => t.PersonId == "d");
    }

    [Fact]
    public void Running_UnderNinetyDaysAtTheAsOfDate_IsNotYetInThePopulation()
    {
        var population = Build([Post("new", AsOf.PlusDays(-88))]);
        Assert.Empty(population);
        Assert.Single(Build([Post("new", AsOf.PlusDays(-89))]));
    }

    [Fact]
    public void OnlyFirstTimeDirectors_AndOnlyFromInvitingSince()
    {
        var population = Build([
            Post("mover", D(2019, 1, 1), D(2021, 3, 31), la: "801"),
            Post("mover", D(2021, 4, 1), la: "802"), // a second post: not first-time
            Post("before", D(2020, 3, 31), la: "803"), // first post before InvitingSince
            Post("on", Since, la: "804"),
        ]);

        Assert.Equal(["on"], population.Select(t => t.PersonId));
    }

    [Fact]
    public void SharedFirstPosts_OnTheSameDay_AreTwoTenures_AsTheTurnoverFiguresCountThem()
    {
        var population = Build([Post("shared", D(2022, 5, 1), la: "801"), Post("shared", D(2022, 5, 1), la: "802")]);
        Assert.Equal(2, population.Count);
    }

    [Fact]
    public void Groups_JoiningDay0To89IsAParticipant_Day90OrBeforeTheStartIsComparison()
    {
        var start = D(2022, 6, 1);
        var population = Build(
            [Post("d0", start, la: "801"), Post("d89", start, la: "802"), Post("d90", start, la: "803"), Post("early", start, la: "804"), Post("none", start, la: "805")],
            Joined(("d0", start), ("d89", start.PlusDays(89)), ("d90", start.PlusDays(90)), ("early", start.PlusDays(-1))));

        RetentionGroup GroupOf(string p) => population.Single(t => t.PersonId == p).Group;
        Assert.Equal(RetentionGroup.Participants, GroupOf("d0"));
        Assert.Equal(RetentionGroup.Participants, GroupOf("d89"));
        Assert.Equal(RetentionGroup.Comparison, GroupOf("d90"));
        Assert.Equal(RetentionGroup.Comparison, GroupOf("early"));
        Assert.Equal(RetentionGroup.Comparison, GroupOf("none"));
    }

    [Fact]
    public void Groups_AnAcceptanceAndAnImportedEnrolment_TheEarlierCounts()
    {
        var start = D(2022, 6, 1);
        var population = Build(
            [Post("both", start)],
            Joined(("both", start.PlusDays(120)), ("both", start.PlusDays(30))));

        var tenure = Assert.Single(population);
        Assert.Equal(RetentionGroup.Participants, tenure.Group);
        Assert.Equal(start.PlusDays(30), tenure.JoinedOn);
    }

    [Fact]
    public void Type_IsTheFirstAppointments_InterimMadePermanentIsInterim_ActingIsInterim()
    {
        var population = Build([
            Post("interim", D(2021, 1, 1), D(2021, 6, 30), AppointmentType.Interim, "801"),
            Post("interim", D(2021, 7, 1), null, AppointmentType.Permanent, "801"),
            Post("acting", D(2021, 1, 1), null, AppointmentType.Acting, "802"),
            Post("permanent", D(2021, 1, 1), null, AppointmentType.Permanent, "803"),
        ]);

        RetentionType TypeOf(string p) => population.Single(t => t.PersonId == p).Type;
        Assert.Equal(RetentionType.Interim, TypeOf("interim"));
        Assert.Equal(RetentionType.Interim, TypeOf("acting"));
        Assert.Equal(RetentionType.Permanent, TypeOf("permanent"));
        // Interim then permanent is one tenure, running.
        Assert.False(population.Single(t => t.PersonId == "interim").Observation.Ended);
    }

    [Fact]
    public void Evaluate_WorkedExample_FiguresAndNulls()
    {
        // Participants: 400 days ended, 800 days ended, running since 2023-01-01 (821 days as of 2025-03-31).
        // Comparison: 100 days ended, 200 days ended.
        var s = D(2021, 1, 1);
        var posts = new[]
        {
            Post("p1", s, s.PlusDays(399), la: "801"),
            Post("p2", s, s.PlusDays(799), la: "802"),
            Post("p3", D(2023, 1, 1), la: "803"),
            Post("c1", s, s.PlusDays(99), la: "804"),
            Post("c2", s, s.PlusDays(199), AppointmentType.Interim, "805"),
        };
        var joined = Joined(("p1", s.PlusDays(10)), ("p2", s.PlusDays(10)), ("p3", D(2023, 2, 1)));
        var figures = RetentionEvaluationResult.Evaluate(Build(posts, joined), AsOf).Figures();

        Assert.Equal(90, figures.LandmarkDays);
        var participants = figures.Groups[0];
        Assert.Equal(RetentionGroup.Participants, participants.Group);
        Assert.Equal((3, 2), (participants.N, participants.Events));
        Assert.Equal(1.0, participants.Survival12); // nobody ended by 365.25 days
        Assert.Equal(2.0 / 3, participants.Survival24!.Value, 1e-12); // 400 ended; 730.5 days
        Assert.Null(participants.Survival36); // 1095.75 days: longer than anyone was observed (821)
        Assert.Equal(800 / 30.4375, participants.MedianMonths!.Value, 1e-12); // 2/3 * 1/2 = 1/3 at 800
        var comparison = figures.Groups[1];
        Assert.Equal((2, 2), (comparison.N, comparison.Events));
        Assert.Null(comparison.Survival12); // the longest is 200 days
        Assert.Equal(100 / 30.4375, comparison.MedianMonths!.Value, 1e-12);
        Assert.NotNull(figures.LogRank.ChiSquare);

        var interim = figures.ByType.Single(t => t.Type == RetentionType.Interim);
        Assert.Equal(0, interim.Groups[0].N);
        Assert.Null(interim.Groups[0].MedianMonths);
        Assert.Null(interim.LogRank.ChiSquare);
        Assert.Null(interim.LogRank.PValue);
    }

    [Fact]
    public void Population_TakesFirstTimeAsTheTurnoverFiguresCountIt_WorkedExample()
    {
        AuthorityFact[] authorities = [.. Enumerable.Range(801, 7).Select(c => new AuthorityFact($"{c}", new OperatingPeriod(D(2000, 4, 1), null)))];
        AppointmentFact[] posts =
        [
            Post("a", D(2021, 1, 1), D(2021, 7, 19), la: "801"),                       // first post, 200 days: in
            Post("b", D(2020, 6, 1), D(2020, 7, 15), la: "802"),                       // first post, 45 days: counted by turnover, out
            Post("c", D(2015, 4, 1), D(2018, 3, 31), la: "803"),                       // a director before InvitingSince...
            Post("c", D(2021, 5, 1), la: "804"),                                       // ...so this later post is not first-time: out
            Post("d", D(2019, 9, 1), la: "805"),                                       // first post before InvitingSince: out
            Post("e", D(2022, 4, 1), la: "806"), Post("e", D(2022, 4, 1), la: "807"),  // two shared first posts: both in
            Post("f", D(2021, 7, 1), D(2021, 12, 31), AppointmentType.Interim, "801"), // interim first post...
            Post("f", D(2022, 1, 1), la: "801"),                                       // ...made permanent: one tenure, in, interim
        ];
        var turnover = new TurnoverCalculator(authorities, posts);
        var population = Build(posts);

        Assert.Equal(1, turnover.ForYear(new FinancialYear(2019)).FirstTimeDirectors); // d
        Assert.Equal(2, turnover.ForYear(new FinancialYear(2020)).FirstTimeDirectors); // b, a
        Assert.Equal(1, turnover.ForYear(new FinancialYear(2021)).FirstTimeDirectors); // f (c's second post is not)
        Assert.Equal(2, turnover.ForYear(new FinancialYear(2022)).FirstTimeDirectors); // e twice
        Assert.Equal(["a", "e", "e", "f"], population.Select(t => t.PersonId).Order());
        Assert.Equal(RetentionType.Interim, population.Single(t => t.PersonId == "f").Type);
        Assert.Equal(new SurvivalObservation(Period.DaysBetween(D(2021, 7, 1), AsOf) + 1, false), population.Single(t => t.PersonId == "f").Observation);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    /// <summary>
    /// On random registers: the turnover figures' first-time directors of each year are the appointments starting on
    /// their person's earliest start (worked out here, not by the code under test), and the retention population is
    /// exactly the tenures starting with such an appointment, on or after InvitingSince, that lasted at least 90 days.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Population_IsTheTurnoverFiguresFirstTimeTenures_FromInvitingSince_ThatLasted90Days(int seed)
    {
        var turnover = Upon.Core.Tests.Register.RandomRegister.Calculator(seed, out _, out var posts);
        var since = new LocalDate(2012, 4, 1);
        var asOf = new LocalDate(2027, 3, 31);
        var earliest = posts.GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.Min(p => p.Start));
        var firstTime = posts.Where(p => p.Start == earliest[p.PersonId]).ToList();
        for (var year = new FinancialYear(2010); year <= new FinancialYear(2025); year = year.Next())
        {
            Assert.Equal(firstTime.Count(p => year.Contains(p.Start)), turnover.ForYear(year).FirstTimeDirectors);
        }

        var population = RetentionPopulation.Build(posts, Joined(), since, asOf);
        var expected = Tenures.Build(posts)
            .Where(t => firstTime.Any(p => p.PersonId == t.PersonId && p.AuthorityCode == t.AuthorityCode && p.Start == t.Start))
            .Where(t => t.Start >= since && t.LengthInDays(asOf) >= RetentionPopulation.LandmarkDays)
            .Select(t => (t.PersonId, t.AuthorityCode, t.Start)).Order().ToList();
        Assert.Equal(expected, population.Select(t => (t.PersonId, t.AuthorityCode, t.Start)).Order().ToList());
        Assert.NotEmpty(expected);
    }
}
