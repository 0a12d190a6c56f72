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

        var start = DotnetProcess.StartInfo(SourceTree.Root, "run --project src/Upon -- export appointments".Split(' '));
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in fixture.Database.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }
        var run = await DotnetProcess.RunAsync(start, TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith(CsvFiles.Header, lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Equal(direct.Output, run.Output);
    }
}
