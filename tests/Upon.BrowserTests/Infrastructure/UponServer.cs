using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>
/// The real web app (<c>dotnet upon.dll --urls http://127.0.0.1:PORT</c>) in its own process, in Development, on its own
/// temporary SQLite file holding the demo data: a copy of one that the real <c>upon demo</c> filled, with the same
/// settings, once per test run. Killed (with its children) and the file deleted on dispose.
/// </summary>
public sealed class UponServer : IAsyncDisposable
{
    // Generous: under CI the three test projects share two cores, and the first class also waits for `upon demo`.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;

    private UponServer(Process process, string folder, Uri baseAddress, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
        Environment = environment;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The environment the app runs with; give it to <see cref="UponExecutable.RunAsync"/> to query the same database.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Where the app and its commands write their email, as <c>.eml</c> files.</summary>
    public string MailFolder => Environment["Email__PickupDirectory"];

    /// <summary>A context on the app's database, for a test to look at or arrange what the browser cannot (audited as the command line).</summary>
    public Upon.Data.UponDbContext OpenDatabase() =>
        new Upon.Data.SqliteUponDbContext(new DbContextOptionsBuilder<Upon.Data.SqliteUponDbContext>()
                .UseSqlite(Environment["ConnectionStrings__Upon"], o => o.MigrationsHistoryTable("__ef_migrations")).Options)
            .Use(new Upon.Audit.CommandLineAuditActor(), NodaTime.SystemClock.Instance);

    /// <summary>What the app has printed so far (stdout and stderr), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The password of the demo accounts (<c>participant@upon.test</c> ...) in the app under test.</summary>
    public const string DemoPassword = "browser-demo-password-2026";

    /// <summary>Starts the app and waits until its port answers; fails with the app's output if it exits or takes too long.</summary>
    public static async Task<UponServer> StartAsync()
    {
        var folder = NewFolder();
        var environment = Settings(folder);
        File.Copy(await DemoTemplateAsync(), DatabaseFile(folder));

        // A free port can be taken by someone else between choosing and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            var process = new Process { StartInfo = UponExecutable.StartInfo(environment, ["--urls", baseAddress.GetLeftPart(UriPartial.Authority)]) };
            var server = new UponServer(process, folder, baseAddress, environment);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await server.WaitUntilAnsweringAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Log.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await server.StopAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "upon-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string DatabaseFile(string folder) => Path.Combine(folder, "upon.db");

    private static Dictionary<string, string> Settings(string folder) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Upon"] = $"Data Source={DatabaseFile(folder)}",
        ["Demo__CreateOnEmptyDatabase"] = "true",
        ["Demo__Password"] = DemoPassword,
        ["Email__PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Logging__Console__FormatterName"] = "simple",
    };

    private static readonly SemaphoreSlim DemoTemplateGate = new(1, 1);
    private static string? _demoTemplate;

    /// <summary>
    /// The database every app under test starts from, made once per test run by <c>upon demo</c> with the apps' own
    /// settings (the same demo data, accounts and password as a first start makes, and its email still in the outbox for
    /// each app to send): making it on each class's first start took most of this project's time (bench/README.md).
    /// </summary>
    private static async Task<string> DemoTemplateAsync()
    {
        await DemoTemplateGate.WaitAsync();
        try
        {
            if (_demoTemplate is null)
            {
                var folder = NewFolder();
                var demo = await UponExecutable.RunAsync(Settings(folder), ["demo"], StartTimeout);
                if (demo.ExitCode != 0)
                {
                    throw new InvalidOperationException($"upon demo failed: {demo}");
                }
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(folder);
                await FoldWriteAheadLogAsync(DatabaseFile(folder));
                _demoTemplate = DatabaseFile(folder);
            }
            return _demoTemplate;
        }
        finally
        {
            DemoTemplateGate.Release();
        }
    }

    /// <summary>Folds SQLite's write-ahead log into the file, so that each app's copy is the one file.</summary>
    private static async Task FoldWriteAheadLogAsync(string databaseFile)
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            // Bounded: keep the start (startup errors) and stop growing past 256 KB.
            if (_log.Length < 256 * 1024)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before answering on {BaseAddress}.\n--- its output ---\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(BaseAddress);
                return; // Any status will do: the port answers, so migrations and demo data are done.
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The app did not answer on {BaseAddress} within {StartTimeout.TotalSeconds:0} s.\n--- its output ---\n{Log}");
            }
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
        }
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        DeleteFolder(_folder);
    }
}
