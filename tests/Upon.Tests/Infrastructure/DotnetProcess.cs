using System.Diagnostics;

namespace Upon.Tests.Infrastructure;

/// <summary>Runs <c>dotnet</c> (the <c>upon</c> executable, <c>dotnet run</c>, <c>dotnet msbuild</c>) with its output captured.</summary>
public static class DotnetProcess
{
    /// <summary>A start of <c>dotnet</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>, standard output and error redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    /// <summary>Starts <paramref name="start"/> and waits, at most <paramref name="timeout"/>, for it to exit.</summary>
    public static async Task<CliResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        return await WaitAsync(process, timeout);
    }

    /// <summary>What <paramref name="process"/> printed and returned, waiting at most <paramref name="timeout"/> for it to exit.</summary>
    public static async Task<CliResult> WaitAsync(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
