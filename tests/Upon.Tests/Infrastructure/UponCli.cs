using System.Diagnostics;

namespace Upon.Tests.Infrastructure;

/// <summary>What a run of the command line printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Runs the real <c>upon</c> executable (the built upon.dll) as a separate process against a test database.</summary>
public static class UponCli
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "upon.dll");

    public static Task<CliResult> RunAsync(TestDatabase database, params string[] args) => RunInAsync("Production", database, args);

    /// <summary>Runs a command in a named environment (<c>dotnet run</c> uses Development, which validates every service at start).</summary>
    public static Task<CliResult> RunInAsync(string environment, TestDatabase database, params string[] args) =>
        RunWithAsync(database, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = environment, ["ASPNETCORE_ENVIRONMENT"] = environment }, args);

    /// <summary>Runs a command with more environment variables (a mail server's settings, say), in Production unless they say otherwise.</summary>
    public static async Task<CliResult> RunWithAsync(TestDatabase database, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(database, environment, args);
        return await DotnetProcess.WaitAsync(process, TimeSpan.FromMinutes(3));
    }

    /// <summary>Starts a command and returns the running process, for a test that stops it midway.</summary>
    public static Process Start(TestDatabase database, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = DotnetProcess.StartInfo(Path.GetTempPath(), [Executable, .. args]);
        foreach (var (name, value) in database.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start upon.");
    }
}
