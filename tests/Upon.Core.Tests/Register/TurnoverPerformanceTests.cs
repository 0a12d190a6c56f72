using System.Diagnostics;
using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

public class TurnoverPerformanceTests
{
    /// <summary>
    /// 200 authorities, each with an unbroken chain of 500 appointments (about 40 days each, from 1970), by people
    /// drawn from a shared pool so that many hold several posts.
    /// </summary>
    private static (AuthorityFact[] Authorities, AppointmentFact[] Appointments) LargeRegister()
    {
        var random = new Random(2024);
        var authorities = Enumerable.Range(0, 200)
            .Select(i => new AuthorityFact($"A{i:D3}", new OperatingPeriod(null, i % 20 == 0 ? new LocalDate(2009, 3, 31) : null)))
            .ToArray();
        var appointments = new List<AppointmentFact>(100_000);
        foreach (var authority in authorities)
        {
            var start = new LocalDate(1970, 4, 1).PlusDays(random.Next(365));
            for (var i = 0; i < 500; i++)
            {
                var end = start.PlusDays(random.Next(10, 70));
                appointments.Add(new AppointmentFact(
                    authority.Code,
                    $"p{random.Next(30_000)}",
                    (AppointmentType)random.Next(3),
                    start,
                    i == 499 ? null : end,
                    Unplanned: random.Next(2) == 0));
                start = end.PlusDays(random.Next(0, 3));
            }
        }
        return (authorities, [.. appointments]);
    }

    [Fact]
    public void Years_100000Appointments_RunsWellUnderASecond()
    {
        var (authorities, appointments) = LargeRegister();

        // Warm up the JIT on a small register so that only the algorithm is timed.
        _ = new TurnoverCalculator(authorities, appointments[..1000]).Years(new LocalDate(2026, 1, 1));

        var stopwatch = Stopwatch.StartNew();
        var calculator = new TurnoverCalculator(authorities, appointments);
        var years = calculator.Years(new LocalDate(2026, 1, 1));
        stopwatch.Stop();

        Assert.Equal(56, years.Count); // 1970-71 to 2025-26
        Assert.True(years.Sum(y => y.Changes) > 90_000);
        Assert.True(
            stopwatch.ElapsedMilliseconds < 1,
            $"Indexing and computing {years.Count} years took {stopwatch.ElapsedMilliseconds} ms.");
    }
}
