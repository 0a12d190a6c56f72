using System.Diagnostics;
using System.Text;

namespace Upon.Tests.Infrastructure;

/// <summary>
/// The real web app (<c>dotnet upon.dll</c>) started as its own process on a test database, run until it says it has
/// started, then stopped: for what a person sees printed when they start it.
/// </summary>
public static class UponWebProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "upon.dll");

    /// <summary>
    /// Starts the app with <paramref name="environment"/> and returns all it printed (stdout, then stderr), having run
    /// <paramref name="whileStarted"/> once it said "Application started", before stopping it. With
    /// <paramref name="ownCopy"/>, the app's assemblies are copied for this process alone (its subfolders linked), so
    /// that their pages in memory are its own and no other test's.
    /// </summary>
    public static async Task<(string Output, string Error)> StartAndStopAsync(
        TestDatabase database, IReadOnlyDictionary<string, string> environment, Func<RunningUpon, Task>? whileStarted = null, bool ownCopy = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(Path.GetTempPath(), "upon-tests", $"web-{Guid.NewGuid():N}"),
        };
        Directory.CreateDirectory(start.WorkingDirectory);
        start.ArgumentList.Add(ownCopy ? CopyApp(Path.Combine(start.WorkingDirectory, "app")) : Executable);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (name, value) in database.EnvironmentVariables.Concat(environment))
        {
            start.Environment[name] = value;
        }
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Email__PickupDirectory"] = Path.Combine(start.WorkingDirectory, "mail");
        var output = new StringBuilder();
        var error = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(4)));
            Assert.True(started.Task.IsCompleted, $"The app did not start.\nstdout:\n{output}\nstderr:\n{error}");
            if (whileStarted is not null)
            {
                string printed;
                lock (output)
                {
                    printed = output.ToString();
                }
                var listening = System.Text.RegularExpressions.Regex.Match(printed, @"Now listening on: (?<address>http://\S+)");
                Assert.True(listening.Success, $"The app did not say where it listens.\nstdout:\n{printed}");
                await whileStarted(new RunningUpon(process, new Uri(listening.Groups["address"].Value), () =>
                {
                    lock (output)
                    {
                        return output.ToString();
                    }
                }));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            Directory.Delete(start.WorkingDirectory, recursive: true);
        }
        lock (output)
        {
            lock (error)
            {
                return (output.ToString(), error.ToString());
            }
        }
    }

    /// <summary>Copies the app's files into <paramref name="directory"/>, written through to disk (so that their pages are clean), and links its subfolders.</summary>
    private static string CopyApp(string directory)
    {
        Directory.CreateDirectory(directory);
        var source = Path.GetDirectoryName(Executable)!;
        foreach (var file in Directory.EnumerateFiles(source))
        {
            using var from = File.OpenRead(file);
            using var to = File.Create(Path.Combine(directory, Path.GetFileName(file)));
            from.CopyTo(to);
            to.Flush(flushToDisk: true);
        }
        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            Directory.CreateSymbolicLink(Path.Combine(directory, Path.GetFileName(folder)), folder);
        }
        return Path.Combine(directory, Path.GetFileName(Executable));
    }
}

/// <summary>The started app: its process, the address it listens on, and what it has printed to stdout so far.</summary>
public sealed record RunningUpon(Process Process, Uri Address, Func<string> Printed)
{
    /// <summary>GETs <paramref name="path"/> as the TLS proxy in front of it would send it (a plain request is redirected before any page runs), and expects success.</summary>
    public async Task GetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}.");
    }
}
