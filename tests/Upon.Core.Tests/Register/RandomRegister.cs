using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

/// <summary>Seeded random registers with plenty of ties, overlaps, gaps, shared directors and boundary dates.</summary>
internal static class RandomRegister
{
    public static TurnoverCalculator Calculator(int seed, out AuthorityFact[] authorities, out AppointmentFact[] appointments)
    {
        var random = new Random(seed);
        authorities = [.. Enumerable.Range(0, 12).Select(i => RandomAuthority(random, i))];
        appointments = [.. Appointments(random, authorities.Length, 400, personPool: 90, firstYear: 2010, lastYear: 2025)];
        return new TurnoverCalculator(authorities, appointments);
    }

    public static IEnumerable<AppointmentFact> Appointments(
        Random random, int authorityCount, int count, int personPool, int firstYear, int lastYear)
    {
        for (var i = 0; i < count; i++)
        {
            var start = RandomDate(random, firstYear, lastYear);
            LocalDate? end = random.Next(5) == 0 ? null : start.PlusDays(random.Next(0, 900));
            yield return new AppointmentFact(
                $"A{random.Next(authorityCount)}",
                $"p{random.Next(personPool)}",
                (AppointmentType)random.Next(3),
                start,
                end,
                Unplanned: random.Next(3) switch { 0 => true, 1 => false, _ => null });
        }
    }

    /// <summary>Mostly the 1st of a month, 31 March, 1 April or 29 February, so that dates tie and hit boundaries.</summary>
    private static LocalDate RandomDate(Random random, int firstYear, int lastYear)
    {
        var year = random.Next(firstYear, lastYear + 1);
        return random.Next(6) switch
        {
            0 => new LocalDate(year, 3, 31),
            1 => new LocalDate(year, 4, 1),
            2 => new LocalDate(year, 2, CalendarSystem.Iso.GetDaysInMonth(year, 2)),
            3 => new LocalDate(year, random.Next(1, 13), random.Next(1, 29)),
            _ => new LocalDate(year, random.Next(1, 13), 1),
        };
    }

    private static AuthorityFact RandomAuthority(Random random, int index)
    {
        LocalDate? from = random.Next(4) == 0 ? RandomDate(random, 2010, 2020) : null;
        LocalDate? to = random.Next(4) == 0 ? RandomDate(random, 2021, 2026) : null;
        return new AuthorityFact($"A{index}", new OperatingPeriod(from, to));
    }
}
