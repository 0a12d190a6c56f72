using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Upon.Data;
using Upon.Shared.Hosting;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Hosting;

/// <summary>Which lines of <c>/proc/PID/maps</c> are code mappings the server may hand back.</summary>
public sealed class CodePagesTests
{
    [Theory]
    [InlineData("7f3a1c000000-7f3a1c200000 r--p 00000000 fd:01 1234 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Private.CoreLib.dll", "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Private.CoreLib.dll")]
    [InlineData("7f3a1c200000-7f3a1c400000 r-xp 00200000 fd:01 1234 /app/upon.dll", "/app/upon.dll")]
    [InlineData("7f3a1c400000-7f3a1c401000 r-xp 00000000 fd:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6")]
    [InlineData("7f3a1c401000-7f3a1c402000 r--p 00000000 fd:01 98 /usr/lib/x86_64-linux-gnu/libicudata.so.72.1", "/usr/lib/x86_64-linux-gnu/libicudata.so.72.1")]
    [InlineData("7f3a1c402000-7f3a1c403000 r--p 00000000 fd:01 97 /opt/My Apps/Upon.DLL", "/opt/My Apps/Upon.DLL")]
    public void ReadOnlyMappingsOfAssembliesAndLibraries_AreCode(string line, string path)
    {
        var mapping = CodePages.Parse(line);

        Assert.NotNull(mapping);
        Assert.Equal(path, mapping.Value.Path);
        var range = line.Split(' ')[0].Split('-').Select(hex => Convert.ToInt64(hex, 16)).ToArray();
        Assert.Equal(range[0], (long)mapping.Value.Start);
        Assert.Equal(range[1] - range[0], (long)mapping.Value.Length);
    }

    [Theory]
    [InlineData("7f3a1c000000-7f3a1c200000 rw-p 00000000 fd:01 1234 /app/upon.dll")] // written: relocated data
    [InlineData("7f3a1c000000-7f3a1c200000 rw-s 00000000 fd:01 1234 /data/upon.db-shm")] // SQLite's shared memory
    [InlineData("7f3a1c000000-7f3a1c200000 r--s 00000000 fd:01 1234 /data/upon.db")] // not code
    [InlineData("7f3a1c000000-7f3a1c200000 r-xs 00000000 00:01 77 /memfd:doublemapper (deleted)")] // the JIT's code
    [InlineData("7f3a1c000000-7f3a1c200000 r--p 00000000 fd:01 1234 /tmp/old/upon.dll (deleted)")]
    [InlineData("7f3a1c000000-7f3a1c200000 rw-p 00000000 00:00 0 ")] // anonymous
    [InlineData("7f3a1c000000-7f3a1c200000 rw-p 00000000 00:00 0 [heap]")]
    [InlineData("7ffd1c000000-7ffd1c200000 r-xp 00000000 00:00 0 [vdso]")]
    [InlineData("7f3a1c000000-7f3a1c200000 r--p 00000000 fd:01 1234 /run/upon.sock")]
    [InlineData("7f3a1c000000-7f3a1c200000 r--p 00000000 fd:01 1234 /usr/lib/locale/locale-archive")]
    [InlineData("7f3a1c200000-7f3a1c000000 r--p 00000000 fd:01 1234 /app/upon.dll")] // an empty range
    [InlineData("not a mapping")]
    public void OtherMappings_AreNotCode(string line) => Assert.Null(CodePages.Parse(line));
}

/// <summary>
/// The real <c>upon</c> process hands back the code pages it read only to start, and goes on serving: once the start
/// gate has opened (here, at the first answer), the clean file pages that it alone maps (what <c>MADV_PAGEOUT</c>
/// reclaims) fall to under half, and it releases again once its background work has started; the pages the requests
/// need are then read back in. Read from the server's own log. The server runs from its own copy of the app, since
/// the pages of files other processes map (other tests' servers, the test runner) are not reclaimed.
/// </summary>
public sealed partial class StartupCodeReleaseTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Server_ReleasesTheCodeItReadOnlyToStart_AndGoesOnServing()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "madvise(MADV_PAGEOUT) and /proc are Linux's.");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // The gate opens at the first answer, not on a timer.
            ["Hosting__BackgroundStartSeconds"] = "600",
            ["Hosting__ReleaseStartupCodeAfterSeconds"] = "1",
            ["Logging__LogLevel__Upon.Shared.Hosting.StartupCodeRelease"] = "Debug",
        };
        var releases = new List<Match>();

        await UponWebProcess.StartAndStopAsync(database, environment, async upon =>
        {
            await upon.GetAsync("/health/live");
            releases = await ReleasesAsync(upon, 2);
            await upon.GetAsync("/");
            await upon.GetAsync("/programme/sessions");
        }, ownCopy: true);

        Assert.Equal(["the server had started", "the background work had started"], releases.Select(r => r.Groups["when"].Value));
        Assert.All(releases, r => Assert.True(int.Parse(r.Groups["mappings"].Value, CultureInfo.InvariantCulture) > 0));
        var pages = releases.Select(r => (Before: Kilobytes(r, "before"), After: Kilobytes(r, "after"))).ToList();
        // The background services start beside the first release and may read some pages back while it runs.
        Assert.True(pages.Any(p => p.Before > 1024 && p.After * 2 < p.Before),
            $"Clean file pages only the server maps, before and after each release: {string.Join("; ", pages.Select(p => $"{p.Before} KB to {p.After} KB"))}.");
    }

    private static async Task<List<Match>> ReleasesAsync(RunningUpon upon, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var releases = Release().Matches(upon.Printed()).ToList();
            if (releases.Count >= count || waited.Elapsed > Patience)
            {
                Assert.True(releases.Count >= count, $"{releases.Count} releases logged in {Patience}, not {count}:\n{upon.Printed()}");
                return releases;
            }
            await Task.Delay(100);
        }
    }

    private static long Kilobytes(Match release, string group) => long.Parse(release.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Start-up code released once (?<when>[a-z ]+): (?<mappings>\d+) mappings advised in \d+ ms; clean file pages this process alone maps (?<before>\d+) KB to (?<after>\d+) KB")]
    private static partial Regex Release();
}
