using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>Commands run in Development too, as <c>dotnet run --project src/Upon -- ...</c> starts them (services validated at start).</summary>
public sealed class CommandEnvironmentTests(SqliteDatabase fixture) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task ReportTurnover_InDevelopment_Runs()
    {
        var result = await UponCli.RunInAsync("Development", fixture.Database, "report", "turnover", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("[", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await UponCli.RunInAsync("Development", fixture.Database, "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "import", "export", "report", "users", "tokens", "demo", "reference" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }
}
