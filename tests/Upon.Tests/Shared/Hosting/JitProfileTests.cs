using Upon.Commands;
using Upon.Shared.Hosting;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Hosting;

/// <summary>Multicore JIT's profiles: one per command, kept where the environment says, never in the way of a command.</summary>
public sealed class JitProfileTests(SqliteDatabase fixture) : IClassFixture<SqliteDatabase>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "upon-jit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:5080" }, false)]
    [InlineData(new[] { "--environment", "Production" }, false)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "-?" }, true)]
    [InlineData(new[] { "--version" }, true)]
    [InlineData(new[] { "report", "turnover" }, true)]
    public void TheArguments_SayCommandOrWebApp(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, UponCommandLine.IsCommand(args));

    [Theory]
    [InlineData(new[] { "--help" }, "help.jitprofile")]
    [InlineData(new[] { "-h" }, "help.jitprofile")]
    [InlineData(new[] { "--version" }, "version.jitprofile")]
    [InlineData(new[] { "report", "turnover", "--format", "json" }, "report-turnover.jitprofile")]
    [InlineData(new[] { "import", "appointments", "register.csv" }, "import-appointments.jitprofile")]
    [InlineData(new[] { "users", "add", "someone@example.org", "--role", "Admin" }, "users-add.jitprofile")]
    [InlineData(new[] { "migrate" }, "migrate.jitprofile")]
    [InlineData(new[] { "import", "/tmp/a b/../file" }, "import.jitprofile")]
    [InlineData(new[] { "Import", "appointments" }, "command.jitprofile")]
    public void ACommandsProfile_IsNamedByItsWordsOnly(string[] args, string expected) =>
        Assert.Equal(expected, JitProfile.CommandProfile(args));

    [Fact]
    public void Directory_ComesFromTheVariable_ThenTheCache_ThenHome()
    {
        static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
            name => variables.FirstOrDefault(v => v.Name == name).Value;

        Assert.Null(JitProfile.DirectoryFrom(Env((JitProfile.DirectoryVariable, "off"), ("HOME", "/home/upon"))));
        Assert.Null(JitProfile.DirectoryFrom(Env((JitProfile.DirectoryVariable, " OFF "))));
        Assert.Equal("/srv/upon/jit", JitProfile.DirectoryFrom(Env((JitProfile.DirectoryVariable, "/srv/upon/jit"), ("HOME", "/home/upon"))));
        Assert.Equal("/var/cache/upon/jit", JitProfile.DirectoryFrom(Env(("XDG_CACHE_HOME", "/var/cache"), ("HOME", "/home/upon"))));
        Assert.Equal("/home/upon/.cache/upon/jit", JitProfile.DirectoryFrom(Env(("XDG_CACHE_HOME", "relative"), ("HOME", "/home/upon"))));
    }

    [Fact]
    public void InATestHost_NothingStarts()
    {
        // The tests' own process is the test host: recording its profile would be a profile of the tests.
        Assert.Null(JitProfile.Start(JitProfile.CommandProfile(["report", "turnover"]), name => name == JitProfile.DirectoryVariable ? _directory : null));
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public async Task TheRealCommand_WritesItsOwnProfile_AndAnotherRunStillWorks()
    {
        var environment = new Dictionary<string, string> { [JitProfile.DirectoryVariable] = _directory };

        var first = await UponCli.RunWithAsync(fixture.Database, environment, "report", "turnover", "--format", "json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var profile = new FileInfo(Path.Combine(_directory, "report-turnover.jitprofile"));
        Assert.True(profile.Exists && profile.Length > 0, $"No profile in {_directory}: {string.Join(", ", Directory.Exists(_directory) ? Directory.GetFiles(_directory) : [])}");

        var second = await UponCli.RunWithAsync(fixture.Database, environment, "report", "turnover", "--format", "json");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(["report-turnover.jitprofile"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AProfileItCannotRead_IsIgnored_AndWrittenAgain()
    {
        Directory.CreateDirectory(_directory);
        var profile = Path.Combine(_directory, "help.jitprofile");
        await File.WriteAllBytesAsync(profile, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);
        var garbage = await File.ReadAllBytesAsync(profile);

        var result = await UponCli.RunWithAsync(fixture.Database, new Dictionary<string, string> { [JitProfile.DirectoryVariable] = _directory }, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("import", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(garbage, await File.ReadAllBytesAsync(profile));
    }

    [Fact]
    public async Task Unset_KeepsTheProfilesInTheUsersCache()
    {
        var result = await UponCli.RunWithAsync(fixture.Database, new Dictionary<string, string> { [JitProfile.DirectoryVariable] = "", ["XDG_CACHE_HOME"] = _directory }, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(_directory, "upon", "jit", "help.jitprofile")), result.ToString());
    }

    [Fact]
    public async Task Off_WritesNothing_AndADirectoryThatCannotBeMade_DoesNotStopTheCommand()
    {
        var off = await UponCli.RunWithAsync(fixture.Database, new Dictionary<string, string> { [JitProfile.DirectoryVariable] = "off", ["XDG_CACHE_HOME"] = _directory }, "--help");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.False(Directory.Exists(_directory));

        // A file where the directory should be: the directory cannot be made.
        await File.WriteAllTextAsync(_directory, "not a directory");
        try
        {
            var blocked = await UponCli.RunWithAsync(fixture.Database, new Dictionary<string, string> { [JitProfile.DirectoryVariable] = Path.Combine(_directory, "jit") }, "--help");
            Assert.True(blocked.ExitCode == 0, blocked.ToString());
            Assert.Contains("import", blocked.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(_directory);
        }
    }
}
