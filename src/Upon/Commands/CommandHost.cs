using Microsoft.Extensions.Hosting;

namespace Upon.Commands;

/// <summary>
/// The services a command runs with: the same configuration as the web app (appsettings.json beside the executable,
/// then <c>UPON_</c>-less environment variables such as <c>Database__Provider</c>), the database migrated and the
/// reference data loaded.
/// </summary>
public static class CommandHost
{
    public static Task<IHost> StartAsync(CancellationToken cancellationToken) => StartAsync(readOnly: false, cancellationToken);

    /// <param name="readOnly">For a command that only reads (a report): see <see cref="UponServices.InitialiseAsync(IServiceProvider, bool, bool, bool, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<IHost> StartAsync(bool readOnly, CancellationToken cancellationToken)
    {
        var launch = Upon.Shared.Hosting.StartGate.SinceLaunch;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = UponProgram.Environment,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddUpon(builder.Configuration, builder.Environment, modelInOptions: false);
        // Identity's sign-in services depend on routing; the command line has none of its own.
        builder.Services.AddRouting();
        var host = builder.Build();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Upon.Shared.Hosting.StartGate.Category).LogDebug(
            "Start-up: the runtime reached the command {Launch} ms after launch; building its host took {Milliseconds} ms", (long)launch.TotalMilliseconds, watch.ElapsedMilliseconds);
        try
        {
            await host.Services.InitialiseAsync(createDemoDataWhenEmpty: false, readOnly, loadModel: false, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            host.Dispose();
            throw new CommandException($"cannot open the database: {e.Message}");
        }
        return host;
    }

    /// <summary>
    /// The command line's configuration alone, from the same sources in the same order as the host's
    /// (<see cref="Host.CreateApplicationBuilder(HostApplicationBuilderSettings)"/>): <c>DOTNET_</c> variables,
    /// appsettings.json and appsettings.{environment}.json beside the executable, user secrets in Development, then the
    /// environment variables. For a command that can answer from the database without services (a report from its
    /// stored figures): building the host's services and logging costs several times more than the answer.
    /// </summary>
    public static IConfiguration Configuration()
    {
        var environment = UponProgram.Environment;
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddEnvironmentVariables("DOTNET_")
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false);
        if (string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddUserSecrets(typeof(CommandHost).Assembly, optional: true);
        }
        return builder.AddEnvironmentVariables().Build();
    }

    public static TextReader OpenText(string path)
    {
        return new StringReader(ReadUtf8(path));
    }

    /// <summary>The file's text by the one rule for imported files (<see cref="Upon.Shared.Files.Utf8File"/>); exits 1 naming the line when it is not UTF-8.</summary>
    public static string ReadUtf8(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"no file at {Path.GetFullPath(path)}");
        }
        try
        {
            return Upon.Shared.Files.Utf8File.Decode(File.ReadAllBytes(path));
        }
        catch (Upon.Shared.Files.Utf8FileException e)
        {
            throw new CommandException($"{path}: {e.Message}", exitCode: 1);
        }
    }
}
