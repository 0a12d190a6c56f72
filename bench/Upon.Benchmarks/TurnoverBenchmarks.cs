using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Register;
using Upon.Register;

namespace Upon.Benchmarks;

/// <summary>
/// The turnover figures over the 100,000-appointment synthetic register, in memory: indexing the register and
/// computing every year (what the report does on each request), and the years alone on an indexed register.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TurnoverCalculatorBenchmarks
{
    private AuthorityFact[] _authorities = [];
    private AppointmentFact[] _appointments = [];
    private TurnoverCalculator? _calculator;

    [GlobalSetup]
    public void Generate()
    {
        var register = SyntheticRegister.Generate();
        _authorities = [.. register.AuthorityFacts];
        _appointments = [.. register.Appointments];
        _calculator = new TurnoverCalculator(_authorities, _appointments);
    }

    [Benchmark(Description = "new TurnoverCalculator(100,000).Years(today)")]
    public IReadOnlyList<TurnoverFigures> IndexAndComputeYears() =>
        new TurnoverCalculator(_authorities, _appointments).Years(SyntheticRegister.Today);

    [Benchmark(Description = "Years(today) on an indexed register")]
    public IReadOnlyList<TurnoverFigures> ComputeYears() => _calculator!.Years(SyntheticRegister.Today);
}

/// <summary>
/// <c>TurnoverReport.AllYearsAsync()</c> end to end: read 100,000 appointments from SQLite, index them, compute every
/// year. The database is filled once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TurnoverReportBenchmarks
{
    private BenchmarkDatabase? _database;

    [GlobalSetup]
    public void FillDatabase()
    {
        _database = BenchmarkDatabase.CreateAsync().GetAwaiter().GetResult();
        _database.ImportAsync(SyntheticRegister.Generate().ToCsv()).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void DropDatabase() => _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "TurnoverReport.AllYearsAsync() from SQLite")]
    public async Task<int> AllYears()
    {
        await using var scope = _database!.Services.CreateAsyncScope();
        var years = await scope.ServiceProvider.GetRequiredService<TurnoverReport>().AllYearsAsync();
        return years.Count > 0 ? years.Count : throw new InvalidOperationException("No years.");
    }
}
