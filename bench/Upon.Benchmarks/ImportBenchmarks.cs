using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Upon.Benchmarks;

/// <summary>
/// <c>AppointmentImporter.ImportAsync</c> with the 100,000-row synthetic register: into a fresh, empty database (a new
/// SQLite file for every iteration), and again over a database that already holds it (every row unchanged, so nothing
/// is written and one filled database serves every iteration). Each run takes seconds, so they are measured one at a
/// time (the Monitoring strategy).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    private string _csv = "";
    private int _rows;
    private BenchmarkDatabase? _database;

    [GlobalSetup(Target = nameof(ImportIntoEmptyDatabase))]
    public void Generate()
    {
        var register = SyntheticRegister.Generate();
        _csv = register.ToCsv();
        _rows = register.Appointments.Count;
    }

    [IterationSetup(Target = nameof(ImportIntoEmptyDatabase))]
    public void CreateEmptyDatabase() => _database = BenchmarkDatabase.CreateAsync().GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(ImportIntoEmptyDatabase))]
    public void DropEmptyDatabase() => DropDatabase();

    [GlobalSetup(Target = nameof(ReimportUnchanged))]
    public void FillDatabase()
    {
        Generate();
        _database = BenchmarkDatabase.CreateAsync().GetAwaiter().GetResult();
        Check(_database.ImportAsync(_csv).GetAwaiter().GetResult().Added, "added by the first import");
    }

    [GlobalCleanup(Target = nameof(ReimportUnchanged))]
    public void DropDatabase()
    {
        _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database = null;
    }

    [Benchmark(Description = "Import 100,000 rows into an empty database")]
    public async Task<int> ImportIntoEmptyDatabase()
    {
        var result = await _database!.ImportAsync(_csv);
        return Check(result.Added, "added");
    }

    [Benchmark(Description = "Re-import the same 100,000 rows (all unchanged)")]
    public async Task<int> ReimportUnchanged()
    {
        var result = await _database!.ImportAsync(_csv);
        return Check(result.Unchanged, "unchanged");
    }

    private int Check(int count, string what) =>
        count == _rows ? count : throw new InvalidOperationException($"{count} rows {what}, expected {_rows}.");
}
