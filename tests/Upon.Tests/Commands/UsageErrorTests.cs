using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>A usage error (an unknown role, a missing option, an unknown command) exits 2 with one line on standard error.</summary>
public sealed class UsageErrorTests(SqliteDatabase fixture) : IClassFixture<SqliteDatabase>
{
    [Theory]
    [InlineData("users", "add", "--email", "someone@example.org", "--role", "Boss")]
    [InlineData("users", "add", "--role", "Administrator")]
    [InlineData("report", "turnover", "--format", "xml")]
    [InlineData("nonsense")]
    public async Task AUsageError_ExitsWith2_AndOneLineOnStandardError(params string[] args)
    {
        var result = await UponCli.RunAsync(fixture.Database, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("upon: ", line, StringComparison.Ordinal);
        Assert.EndsWith("--help)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRole_IsNamedInTheLine()
    {
        var result = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "someone@example.org", "--role", "Boss");

        Assert.Contains("Boss", result.Error, StringComparison.Ordinal);
        Assert.Contains("upon users add --help", result.Error, StringComparison.Ordinal);
    }
}
