using System.Diagnostics;
using System.Text;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>What a run of the command line printed.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// The real <c>upon</c> executable (<c>upon.dll</c>, run with the <c>dotnet</c> host), as a person or CI would run it:
/// a separate process configured only through environment variables.
/// </summary>
public static class UponExecutable
{
    /// <summary>
    /// <c>upon.dll</c> beside the tests (the project reference copies it, with its runtimeconfig and deps); failing that,
    /// the app's own build output under <c>src/Upon/bin/&lt;Configuration&gt;/net10.0</c>.
    /// </summary>
    public static string DllPath { get; } = Locate();

    /// <summary>The <c>dotnet</c> host running these tests (so the same SDK/runtime), or <c>dotnet</c> on the PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }
            var self = Environment.ProcessPath;
            return self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
        }
    }

    private static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "upon.dll");
        if (IsRunnable(beside))
        {
            return beside;
        }
        var root = BrowserEnvironment.RepositoryRoot();
        foreach (var configuration in new[] { BrowserEnvironment.Configuration, "Debug", "Release" }.Distinct())
        {
            var built = Path.Combine(root, "src", "Upon", "bin", configuration, "net10.0", "upon.dll");
            if (IsRunnable(built))
            {
                return built;
            }
        }
        throw new FileNotFoundException($"upon.dll (with upon.runtimeconfig.json) is neither beside the tests ({AppContext.BaseDirectory}) nor under {root}/src/Upon/bin: build src/Upon first.");
    }

    private static bool IsRunnable(string dll) => File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));

    /// <summary>A start info for <c>dotnet upon.dll ARGS</c> with <paramref name="environment"/> added, output redirected.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Settings the test runner may have set must not leak into the app under test.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("DOTNET_URLS");
        // No multicore JIT profile in the user's cache from the tests' many parallel runs (tests/Upon.Tests JitProfileTests cover it).
        info.Environment[Upon.Shared.Hosting.JitProfile.DirectoryVariable] = "off";
        // No dynamic PGO, as in every upon process tests/Upon.Tests starts: short runs on busy cores pay for its instrumented
        // code and rarely reach its faster code (bench/README.md, eighteenth round).
        info.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        return info;
    }

    /// <summary>Runs the command line (<c>upon report turnover --format json ...</c>) to completion, bounded by <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        using var process = new Process { StartInfo = StartInfo(environment, arguments) };
        process.Start();
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"upon {string.Join(' ', arguments)} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
