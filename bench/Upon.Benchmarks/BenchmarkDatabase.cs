using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Upon.Audit;
using Upon.Register;

namespace Upon.Benchmarks;

/// <summary>
/// A fresh SQLite file with the app's services, built the way the command line builds them
/// (<c>AddLogging().AddUpon(configuration, environment)</c> with the command line's audit actor, then
/// <c>InitialiseAsync</c>: schema, roles and reference authorities, no demo data).
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private BenchmarkDatabase(string folder, ServiceProvider services)
    {
        _folder = folder;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "upon-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Upon"] = $"Data Source={Path.Combine(folder, "upon.db")}",
            })
            .Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "upon",
            ContentRootPath = AppContext.BaseDirectory,
            ContentRootFileProvider = new NullFileProvider(),
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddUpon(configuration, environment)
            .AddSingleton<IAuditActor, CommandLineAuditActor>()
            .BuildServiceProvider();
        await services.InitialiseAsync(createDemoDataWhenEmpty: false);
        return new BenchmarkDatabase(folder, services);
    }

    /// <summary>Imports <paramref name="csv"/> in its own scope, as <c>upon import appointments</c> does; throws if it fails.</summary>
    public async Task<AppointmentImportResult> ImportAsync(string csv)
    {
        await using var scope = Services.CreateAsyncScope();
        using var reader = new StringReader(csv);
        var result = await scope.ServiceProvider.GetRequiredService<AppointmentImporter>().ImportAsync(reader);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The synthetic register did not import: {result.Errors.Count} error(s), first {string.Join("; ", result.Errors.Take(5))}");
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
