using Microsoft.Extensions.Hosting;

namespace Upon.Commands;

/// <summary>
/// The services a command runs with: the same configuration as the web app (appsettings.json beside the executable,
/// then <c>UPON_</c>-less environment variables such as <c>Database__Provider</c>), the database migrated and the
/// reference data loaded.
/// </summary>
public static class CommandHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = UponProgram.Environment,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddUpon(builder.Configuration, builder.Environment);
        // Identity's sign-in services depend on routing; the command line has none of its own.
        builder.Services.AddRouting();
        var host = builder.Build();
        try
        {
            await host.Services.InitialiseAsync(createDemoDataWhenEmpty: false, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            host.Dispose();
            throw new CommandException($"cannot open the database: {e.Message}");
        }
        return host;
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
