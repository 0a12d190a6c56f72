using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Upon.Shared.Hosting;

/// <summary>
/// Hands back the pages of code the server read only to start: building the host and the EF model, checking the
/// database, loading reference data, reading the data-protection keys, starting the background services. The assemblies
/// and native libraries stay mapped; the pages the requests then touch are read back in as they are touched, and the
/// rest (about 13 MB on the demo data, bench/README.md, twenty-third round) stays out, where the kernel would put it under
/// memory pressure. Twice: when <see cref="StartGate"/> opens (the first request answered, so that releasing never
/// delays it), and <c>Hosting:ReleaseStartupCodeAfterSeconds</c> (2 by default; 0 turns both off) later, once the
/// background services have started. Linux only; pages another process also maps are left where they are.
/// </summary>
public sealed class StartupCodeRelease(StartGate gate, IConfiguration configuration, ILogger<StartupCodeRelease> logger) : BackgroundService
{
    public const string DelaySetting = "Hosting:ReleaseStartupCodeAfterSeconds";

    private readonly TimeSpan _delay = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(DelaySetting, 2.0), 0, 3600));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_delay <= TimeSpan.Zero || !OperatingSystem.IsLinux())
        {
            return;
        }
        await gate.WaitAsync(stoppingToken);
        if (Release("the server had started"))
        {
            await Task.Delay(_delay, stoppingToken);
            Release("the background work had started");
        }
    }

    /// <summary>False when this system cannot (no <c>/proc</c> files, no <c>madvise</c>): the server runs on as it is.</summary>
    private bool Release(string when)
    {
        try
        {
            Advise(when);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogDebug(e, "Start-up code not released: this system does not allow it");
            return false;
        }
    }

    private void Advise(string when)
    {
        // The figures before and after are read only for the log: reading smaps_rollup walks the process's page tables.
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            CodePages.ReleaseAll(File.ReadLines("/proc/self/maps"));
            return;
        }
        var before = (Resident: Environment.WorkingSet, Private: CodePages.PrivateCleanBytes());
        var watch = Stopwatch.StartNew();
        var advised = CodePages.ReleaseAll(File.ReadLines("/proc/self/maps"));
        logger.LogDebug(
            "Start-up code released once {When}: {Mappings} mappings advised in {Milliseconds} ms; clean file pages this process alone maps {PrivateBefore} KB to {PrivateAfter} KB; resident {Before} MB to {After} MB",
            when, advised, watch.ElapsedMilliseconds, before.Private >> 10, CodePages.PrivateCleanBytes() >> 10, before.Resident >> 20, Environment.WorkingSet >> 20);
    }
}

/// <summary>A read-only mapping of an assembly or native library in this process's memory.</summary>
public readonly record struct CodeMapping(nint Start, nuint Length, string Path);

/// <summary>
/// The process's code mappings, read from <c>/proc/self/maps</c>, and <c>madvise(MADV_PAGEOUT)</c> on them: the kernel
/// reclaims their clean pages that no other process maps, and faults a page back in from the file when it is next read.
/// Only mappings that cannot be written are advised, so nothing the process changed is touched.
/// </summary>
public static partial class CodePages
{
    private const int MadvPageout = 21;
    private const int Einval = 22;

    /// <summary>The mapping a line of <c>/proc/PID/maps</c> describes, when it is a read-only mapping of a <c>.dll</c> or <c>.so</c> file.</summary>
    public static CodeMapping? Parse(string line)
    {
        // start-end perms offset dev inode path; the path may contain spaces, so it is the rest of the line.
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || fields[1].Length < 4 || fields[1][1] != '-' || fields[4] == "0")
        {
            return null;
        }
        var path = fields[5].Trim();
        if (!path.StartsWith('/') || path.EndsWith(" (deleted)", StringComparison.Ordinal) || !CodeFileName().IsMatch(path))
        {
            return null;
        }
        var range = fields[0].Split('-');
        if (range.Length != 2
            || !ulong.TryParse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start)
        {
            return null;
        }
        return new CodeMapping((nint)start, (nuint)(end - start), path);
    }

    /// <summary><c>upon.dll</c>, <c>libcoreclr.so</c>, <c>libc.so.6</c>, <c>libicudata.so.72.1</c>; not <c>libfoo.sock</c>.</summary>
    [GeneratedRegex(@"(\.dll|\.so(\.[0-9]+)*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeFileName();

    /// <summary>Advises every code mapping among <paramref name="maps"/>; returns how many were advised.</summary>
    public static int ReleaseAll(IEnumerable<string> maps)
    {
        var advised = 0;
        foreach (var mapping in maps.Select(Parse).OfType<CodeMapping>().ToList())
        {
            if (Madvise(mapping.Start, mapping.Length, MadvPageout) == 0)
            {
                advised++;
            }
            else if (Marshal.GetLastPInvokeError() == Einval)
            {
                // A kernel older than 5.4 has no MADV_PAGEOUT: nothing else would succeed either.
                break;
            }
        }
        return advised;
    }

    /// <summary>The process's resident clean file pages that no other process maps (<c>Private_Clean</c>, <c>/proc/self/smaps_rollup</c>): what a release can reclaim.</summary>
    public static long PrivateCleanBytes()
    {
        var line = File.ReadLines("/proc/self/smaps_rollup").FirstOrDefault(l => l.StartsWith("Private_Clean:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kilobytes)
            ? kilobytes << 10
            : 0;
    }

    [DllImport("libc", EntryPoint = "madvise", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
}
