using System.Diagnostics;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>
/// The README's own command line, <c>dotnet run --project src/Upon -- export appointments</c>, run from the repository's
/// root as a new user would (no environment named): standard output is exactly the export, the same bytes as
/// <c>upon export appointments</c>, with nothing from <c>dotnet run</c> in front of it.
/// </summary>
public sealed class DotnetRunTests(SqliteDatabase fixture) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task TheReadmesDotnetRunCommand_PrintsOnlyTheExport()
    {
        var import = await UponCli.RunAsync(fixture.Database, "import", "appointments", CsvFiles.Write(CsvFiles.Lines(
            CsvFiles.Header, "805,DR-1,Ada,Moss,permanent,2015-05-01,2022-06-30,retired,no", "805,DR-2,Ben,Okafor,permanent,2022-07-01,,,")));
        Assert.True(import.ExitCode == 0, import.ToString());
        var direct = await UponCli.RunAsync(fixture.Database, "export", "appointments");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = SourceTree.Root,
        };
        foreach (var arg in "run --project src/Upon -- export appointments".Split(' '))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in fixture.Database.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(8)).Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith(CsvFiles.Header, lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Equal(direct.Output, await output);
    }
}
