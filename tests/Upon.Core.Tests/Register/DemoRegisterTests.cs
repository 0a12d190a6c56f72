using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class DemoRegisterTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    private static readonly IReadOnlyList<AuthorityReference> Authorities = LoadAuthorities();

    private static readonly DemoRegister Demo = DemoRegisterGenerator.Generate(Authorities, Today);

    private static readonly TurnoverCalculator Calculator =
        new([.. Authorities.Select(a => a.ToFact())], [.. Demo.Appointments]);

    private static IReadOnlyList<AuthorityReference> LoadAuthorities()
    {
        using var reader = File.OpenText(TestData.PathOf("dfe_las.csv"));
        return DfeAuthorityList.Parse(reader);
    }

    private static AuthorityReference AuthorityOf(string code) => Authorities.Single(a => a.Code == code);

    public static TheoryData<string> AdcsYears() => [.. DemoRegisterGenerator.AdcsSeries.Keys];

    [Theory]
    [MemberData(nameof(AdcsYears))]
    public void Generate_ReproducesAdcsSeries(string year)
    {
        var (changes, withChange) = DemoRegisterGenerator.AdcsSeries[year];
        var figures = Calculator.ForYear(Year(year));

        Assert.Equal(changes, figures.Changes);
        if (withChange is { } expected)
        {
            Assert.Equal(expected, figures.AuthoritiesWithChange);
        }
    }

    [Fact]
    public void AdcsSeries_HasThePublishedFigures()
    {
        Assert.Equal(8, DemoRegisterGenerator.AdcsSeries.Count);
        Assert.Equal((65, (int?)null), DemoRegisterGenerator.AdcsSeries["2017-18"]);
        Assert.Equal((62, (int?)49), DemoRegisterGenerator.AdcsSeries["2023-24"]);
        Assert.Equal((51, (int?)39), DemoRegisterGenerator.AdcsSeries["2024-25"]);
    }

    [Fact]
    public void Generate_ChangesRoseThreeYearsInARowTo2023_24() =>
        Assert.Equal(3, Calculator.ForYear(Year("2023-24")).ConsecutiveYearsRising);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12345)]
    public void Generate_OtherSeeds_StillReproduceAdcsSeries(int seed)
    {
        var demo = DemoRegisterGenerator.Generate(Authorities, Today, seed);
        var calculator = new TurnoverCalculator([.. Authorities.Select(a => a.ToFact())], [.. demo.Appointments]);
        foreach (var (year, (changes, withChange)) in DemoRegisterGenerator.AdcsSeries)
        {
            var figures = calculator.ForYear(Year(year));
            Assert.Equal(changes, figures.Changes);
            if (withChange is { } published)
            {
                Assert.Equal(published, figures.AuthoritiesWithChange);
            }
            else
            {
                // ADCS gives no count of authorities for this year: the generator's own must still be one a register could have.
                Assert.InRange(figures.AuthoritiesWithChange, (changes + 1) / 2, changes);
            }
        }
    }

    [Fact]
    public void Generate_OtherYears_HavePlausibleTurnover()
    {
        var years = Calculator.Years(Today);
        Assert.Equal("2005-06", years[0].FinancialYear);
        Assert.Equal("2026-27", years[^1].FinancialYear);
        foreach (var figures in years.Where(f => FinancialYear.Parse(f.FinancialYear).StartYear is >= 2008 and <= 2025))
        {
            Assert.InRange(figures.Changes, 35, 65);
            Assert.InRange(figures.AuthoritiesWithChange, (figures.Changes + 1) / 2, figures.Changes);
        }
    }

    [Fact]
    public void Generate_NoTwoAppointmentsInOneAuthorityOverlap()
    {
        foreach (var group in Demo.Appointments.GroupBy(a => a.AuthorityCode))
        {
            Assert.Null(AppointmentRules.FindOverlap(group, a => a.Start, a => a.End));
        }
    }

    [Fact]
    public void Generate_EveryAppointmentIsWithinItsAuthorityOperatingPeriod()
    {
        var periods = Authorities.ToDictionary(a => a.Code, a => a.Period);
        Assert.All(Demo.Appointments, a => Assert.True(
            periods[a.AuthorityCode].Covers(a.Start, a.End), $"{a.AuthorityCode} {a.Start}..{a.End}"));
        Assert.All(Demo.Appointments, a => Assert.True(a.Start <= Today && (a.End is null || a.End <= Today)));
    }

    [Fact]
    public void Generate_EndedAppointmentsHaveReasonAndUnplanned_OpenOnesDoNot()
    {
        Assert.All(Demo.Appointments, a =>
        {
            Assert.Empty(AppointmentRules.CheckEnding(a.Start, a.End, a.LeavingReason, a.Unplanned));
            Assert.Equal(a.End is null, a.LeavingReason is null);
            Assert.Equal(a.End is null, a.Unplanned is null);
        });
    }

    [Fact]
    public void Generate_EveryAuthorityInOperationToday_HasADirector()
    {
        var inOperation = Authorities.Where(a => a.Period.Contains(Today)).Select(a => a.Code).ToList();
        var withOpenPost = Demo.Appointments.Where(a => a.End is null).Select(a => a.AuthorityCode).Distinct().ToList();
        Assert.Equal(inOperation.Count, withOpenPost.Count);
        Assert.Equal(inOperation.Order(StringComparer.Ordinal), withOpenPost.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("839", "2019-04-01")]
    [InlineData("838", "2019-04-01")]
    [InlineData("940", "2021-04-01")]
    [InlineData("941", "2021-04-01")]
    [InlineData("942", "2023-04-01")]
    [InlineData("943", "2023-04-01")]
    [InlineData("929", "2009-04-01")]
    [InlineData("822", "2009-04-01")]
    [InlineData("823", "2009-04-01")]
    [InlineData("895", "2009-04-01")]
    [InlineData("896", "2009-04-01")]
    public void Generate_LaterAuthority_FirstAppointmentOnItsFirstDay(string code, string firstDay) =>
        Assert.Equal(Date(firstDay), Demo.Appointments.Where(a => a.AuthorityCode == code).Min(a => a.Start));

    [Fact]
    public void Generate_OlderAuthorities_FirstAppointedIn2005To2008()
    {
        foreach (var authority in Authorities.Where(a => a.Period.From is null))
        {
            var first = Demo.Appointments.Where(a => a.AuthorityCode == authority.Code).Min(a => a.Start);
            Assert.InRange(first, Date("2005-04-01"), Date("2008-12-31"));
        }
    }

    [Theory]
    [InlineData("909", "2023-03-31")]
    [InlineData("835", "2019-03-31")]
    [InlineData("928", "2021-03-31")]
    [InlineData("820", "2009-03-31")]
    public void Generate_EndedAuthority_LastAppointmentEndsOnItsLastDayByRestructure(string code, string lastDay)
    {
        var last = Demo.Appointments.Where(a => a.AuthorityCode == code).MaxBy(a => a.Start)!;
        Assert.Equal(Date(lastDay), last.End);
        Assert.Equal(LeavingReason.Restructure, last.LeavingReason);
        Assert.False(last.Unplanned);
        Assert.Equal(Date(lastDay), AuthorityOf(code).Period.To);
    }

    [Fact]
    public void Generate_SameSeed_SameRegister()
    {
        var again = DemoRegisterGenerator.Generate(Authorities, Today);
        Assert.Equal(Demo.People, again.People);
        Assert.Equal(Demo.Appointments, again.Appointments);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentRegister()
    {
        var other = DemoRegisterGenerator.Generate(Authorities, Today, seed: 1);
        Assert.NotEqual(Demo.Appointments, other.Appointments);
    }

    [Fact]
    public void Generate_PeopleHaveUniqueIdsAndUniqueEmailsAtExampleOrg()
    {
        Assert.InRange(Demo.People.Count, 600, 900);
        Assert.Equal(Demo.People.Count, Demo.People.Select(p => p.PersonId).Distinct().Count());
        Assert.Equal(Demo.People.Count, Demo.People.Select(p => p.Email.ToUpperInvariant()).Distinct().Count());
        Assert.All(Demo.People, p =>
        {
            Assert.Matches("^P[0-9]{6}$", p.PersonId);
            Assert.Matches("^[a-z]+\\.[a-z]+\\.[0-9]+@example\\.org$", p.Email);
            Assert.False(string.IsNullOrWhiteSpace(p.GivenName));
            Assert.False(string.IsNullOrWhiteSpace(p.FamilyName));
        });
    }

    [Fact]
    public void Generate_EveryAppointmentIsHeldByAKnownPerson_AndEveryPersonHoldsOne()
    {
        var ids = Demo.People.Select(p => p.PersonId).ToHashSet();
        Assert.All(Demo.Appointments, a => Assert.Contains(a.PersonId, ids));
        Assert.Equal(ids.Count, Demo.Appointments.Select(a => a.PersonId).Distinct().Count());
    }

    [Fact]
    public void Generate_NoPersonHoldsMoreThanTwoPostsAtOnce()
    {
        foreach (var person in Demo.Appointments.GroupBy(a => a.PersonId))
        {
            foreach (var day in person.Select(a => a.Start))
            {
                Assert.True(person.Count(a => a.IsInPostOn(day)) <= 2, $"{person.Key} on {day}");
            }
        }
    }

    [Fact]
    public void Generate_HasRealisticTexture()
    {
        var appointments = Demo.Appointments;
        var permanentShare = appointments.Count(a => a.Type == AppointmentType.Permanent) / (double)appointments.Count;
        Assert.InRange(permanentShare, 0.55, 0.85);
        Assert.Contains(appointments, a => a.Type == AppointmentType.Acting);
        Assert.All(
            Enum.GetValues<LeavingReason>(),
            reason => Assert.Contains(appointments, a => a.LeavingReason == reason));
        Assert.All(
            appointments.Where(a => a.LeavingReason is LeavingReason.Resigned or LeavingReason.Dismissed or LeavingReason.IllHealth),
            a => Assert.True(a.Unplanned));
        Assert.All(
            appointments.Where(a => a.LeavingReason is LeavingReason.Retired or LeavingReason.MadePermanent or LeavingReason.EndOfInterim
                or LeavingReason.Restructure or LeavingReason.MovedToAnotherDcsPost or LeavingReason.Promoted),
            a => Assert.False(a.Unplanned));
    }

    [Fact]
    public void Generate_InterimsMadePermanent_SamePersonNextDay()
    {
        var madePermanent = Demo.Appointments.Where(a => a.LeavingReason == LeavingReason.MadePermanent).ToList();
        Assert.True(madePermanent.Count >= 20, $"{madePermanent.Count} interims made permanent");
        Assert.All(madePermanent, interim =>
        {
            Assert.Equal(AppointmentType.Interim, interim.Type);
            Assert.Contains(Demo.Appointments, a => a.AuthorityCode == interim.AuthorityCode && a.PersonId == interim.PersonId
                && a.Type == AppointmentType.Permanent && a.Start == interim.End!.Value.PlusDays(1));
        });
    }

    [Fact]
    public void Generate_DirectorsWhoMoved_StartAnotherPostSoonAfter()
    {
        var moved = Demo.Appointments.Where(a => a.LeavingReason == LeavingReason.MovedToAnotherDcsPost).ToList();
        Assert.True(moved.Count >= 50, $"{moved.Count} moves");
        Assert.All(moved, leaving => Assert.Contains(Demo.Appointments, a => a.PersonId == leaving.PersonId
            && a.AuthorityCode != leaving.AuthorityCode && a.Start > leaving.End && a.Start <= leaving.End!.Value.PlusDays(120)));
    }

    [Fact]
    public void Generate_HasAHandfulOfSharedDirectors()
    {
        var concurrent = Demo.Appointments
            .GroupBy(a => a.PersonId)
            .SelectMany(p => p.SelectMany(a => p.Where(b => b.AuthorityCode != a.AuthorityCode && b.IsInPostOn(a.Start)), (a, b) => (a, b)))
            .ToList();
        var people = concurrent.Select(pair => pair.a.PersonId).Distinct().Count();
        Assert.InRange(people, 2, 10);
        Assert.All(concurrent, pair =>
            Assert.Equal(AuthorityOf(pair.a.AuthorityCode).RegionCode, AuthorityOf(pair.b.AuthorityCode).RegionCode));
        Assert.Contains(concurrent, pair => pair.a.Start == pair.b.Start);
    }

    [Fact]
    public void Generate_MeanTenureIsAFewYears()
    {
        var tenures = Tenures.Build(Demo.Appointments);
        var completed = tenures.Where(t => t.End is not null).ToList();
        var meanYears = completed.Average(t => t.LengthInDays(Today)) / 365.25;
        Assert.InRange(meanYears, 2.5, 5);
    }

    [Fact]
    public void Generate_BeforeFirstDirectors_IsEmpty()
    {
        var demo = DemoRegisterGenerator.Generate(Authorities, Date("2005-03-31"));
        Assert.Empty(demo.Appointments);
        Assert.Empty(demo.People);
    }

    [Fact]
    public void Generate_EarlierToday_StopsThere()
    {
        var today = Date("2020-06-30");
        var demo = DemoRegisterGenerator.Generate(Authorities, today);
        Assert.All(demo.Appointments, a => Assert.True(a.Start <= today && (a.End is null || a.End <= today)));
        var calculator = new TurnoverCalculator([.. Authorities.Select(a => a.ToFact())], [.. demo.Appointments]);
        Assert.Equal(57, calculator.ForYear(Year("2019-20")).Changes);
        Assert.Equal(48, calculator.ForYear(Year("2019-20")).AuthoritiesWithChange);
    }
}
